package org.jvnet.hudson.annotation_indexer;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

// lib-annotation-indexer: the meta-annotation that hudson.init.Initializer and org.jenkinsci.Symbol carry. Its
// validators()
// member is left out: no annotation the glue uses sets it.
@Documented
@Retention(RUNTIME)
@Target(ANNOTATION_TYPE)
public @interface Indexed {}
