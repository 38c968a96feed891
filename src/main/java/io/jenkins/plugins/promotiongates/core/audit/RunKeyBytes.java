package io.jenkins.plugins.promotiongates.core.audit;

import io.jenkins.plugins.promotiongates.core.json.CanonicalScanner;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A run's identity as a canonical ledger line writes it: the job's string bytes (quotes excluded)
 * and the build number. The canonical form of a string is unique, so two runs are the same exactly
 * when these bytes are equal, and the ledger verifier keys run chains on them without decoding
 * any text. A key can also be a probe over a line's bytes ({@link #point}), to look one up
 * without copying.
 */
final class RunKeyBytes {

    private byte[] bytes;
    private int at;
    private int length;
    private long build;
    private int hash;
    private byte[] genesis;

    /** Points this probe at {@code bytes[at, at + length)} of build {@code build}. */
    RunKeyBytes point(byte[] bytes, int at, int length, long build) {
        this.bytes = bytes;
        this.at = at;
        this.length = length;
        this.build = build;
        int h = Long.hashCode(build);
        for (int i = at; i < at + length; i++) {
            h = 31 * h + bytes[i];
        }
        h *= 0x9e3779b9; // spreads job names that differ only in their last characters over the table
        this.hash = h ^ (h >>> 15);
        return this;
    }

    /** A key that owns a copy of this probe's bytes. */
    RunKeyBytes copy() {
        RunKeyBytes copy = new RunKeyBytes();
        copy.bytes = Arrays.copyOfRange(bytes, at, at + length);
        copy.length = length;
        copy.build = build;
        copy.hash = hash;
        return copy;
    }

    /** The run's genesis (32 bytes), computed on the first call. */
    byte[] genesis(MessageDigest digest) {
        if (genesis == null) {
            genesis = RunGenesis.of(build, bytes, at, length, digest);
        }
        return genesis;
    }

    /** The run key with its job name decoded, for messages. */
    RunKey toRunKey() {
        byte[] token = new byte[length + 2];
        token[0] = '"';
        System.arraycopy(bytes, at, token, 1, length);
        token[length + 1] = '"';
        return new RunKey(CanonicalScanner.decode(token, 0, token.length), build);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RunKeyBytes key
                && key.build == build
                && key.hash == hash
                && key.length == length
                && sameBytes(key);
    }

    /** Job names are short: a plain loop is faster here than {@code Arrays.equals}. */
    private boolean sameBytes(RunKeyBytes key) {
        for (int i = 0; i < length; i++) {
            if (bytes[at + i] != key.bytes[key.at + i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return toRunKey().toString();
    }
}
