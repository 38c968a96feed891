package io.jenkins.plugins.promotiongates.core.signature.ssh;

import io.jenkins.plugins.promotiongates.core.signature.SignatureRejectedException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the SSH wire encoding (RFC 4251: uint32, string, mpint) from a byte array, with every
 * length checked against what is left, so malformed input is a clean rejection.
 */
final class SshWireReader {

    private final byte[] data;
    private final String what;
    private int position;

    /** @param what what is being read, for messages: {@code the SSH signature}, {@code trusted key 'x'} */
    SshWireReader(byte[] data, String what) {
        this.data = data;
        this.what = what;
    }

    int readUint32() throws SignatureRejectedException {
        need(4);
        int value = ((data[position] & 0xff) << 24)
                | ((data[position + 1] & 0xff) << 16)
                | ((data[position + 2] & 0xff) << 8)
                | (data[position + 3] & 0xff);
        position += 4;
        return value;
    }

    byte[] readBytes(int length) throws SignatureRejectedException {
        need(length);
        byte[] value = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return value;
    }

    byte[] readString() throws SignatureRejectedException {
        int length = readUint32();
        if (length < 0) {
            throw malformed();
        }
        return readBytes(length);
    }

    String readUtf8() throws SignatureRejectedException {
        return new String(readString(), StandardCharsets.UTF_8);
    }

    /** A non-negative mpint. */
    BigInteger readPositiveMpint() throws SignatureRejectedException {
        byte[] bytes = readString();
        if (bytes.length == 0) {
            return BigInteger.ZERO;
        }
        BigInteger value = new BigInteger(bytes);
        if (value.signum() < 0) {
            throw malformed();
        }
        return value;
    }

    boolean atEnd() {
        return position == data.length;
    }

    private void need(int length) throws SignatureRejectedException {
        if (length < 0 || length > data.length - position) {
            throw malformed();
        }
    }

    private SignatureRejectedException malformed() {
        return new SignatureRejectedException(
                what + " is truncated or malformed (a length field points past its end)",
                "Use the file exactly as ssh-keygen wrote it.");
    }
}
