package com.google.common.util.concurrent;

import java.util.concurrent.Future;

public interface ListenableFuture<V> extends Future<V> {}
