package io.jenkins.plugins.promotiongates.core.artifact;

/**
 * Receives the bytes of an artifact as it is read, once. Signature verifiers, digests and copies
 * all ride on the same read.
 */
@FunctionalInterface
public interface ByteSink {

    void accept(byte[] buffer, int offset, int length) throws java.io.IOException;
}
