package io.jenkins.plugins.promotiongates.core.audit;

import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Reads one ledger line and checks everything that can be checked from the line alone: canonical
 * form, members and their types, the event's hash and the link hash. Scans each line once and
 * hashes it in place. Not thread-safe: one decoder per thread.
 */
final class LedgerLineDecoder {

    static final String REMEDY = "The ledger is evidence and is never rewritten: keep this file, report the problem"
            + " to the Jenkins administrator, and compare it with backups";

    private final CanonicalScanner scanner = new CanonicalScanner();
    private final MessageDigest digest = DigestAlgorithm.SHA256.newMessageDigest();
    private final byte[] computed = new byte[64];
    private byte[] line;
    private int lineStart;
    private String input;
    private long inputOffset;

    /**
     * Decodes {@code b[start, end)}, a line without its newline, found at byte {@code offset} of
     * {@code file}.
     */
    LedgerLine decode(byte[] b, int start, int end, String file, long offset, boolean keepBytes)
            throws AuditFormatException {
        line = b;
        lineStart = start;
        input = file;
        inputOffset = offset;
        if (end - start >= LedgerLine.MAX_BYTES) {
            throw error(start, "the line is longer than " + LedgerLine.MAX_BYTES + " bytes");
        }
        try {
            scanner.scan(b, start, end);
        } catch (CanonicalScanner.NotCanonical e) {
            throw error(e.offset, "not canonical audit JSON: " + e.getMessage());
        }
        if (scanner.memberCount(-1) != 4) {
            throw error(start, "a ledger line has exactly the members event, hash, prev and seq");
        }
        int event = member(-1, "event", '{', true);
        String linkHash = hex(member(-1, "hash", '"', true));
        String linkPrev = hex(member(-1, "prev", '"', true));
        long seq = integer(member(-1, "seq", '0', true), 0);
        int eventHash = member(event, "hash", '"', true);
        String eventHashHex = hex(eventHash);
        String runPrev = hex(member(event, "prev", '"', true));
        long runSeq = integer(member(event, "seq", '0', true), 1);
        checkType(member(event, "type", '"', true));
        checkTime(member(event, "time", '"', true));
        member(event, "actor", '"', true);
        member(event, "details", '{', false);
        member(event, "artifact", '{', false);
        member(event, "environment", '"', false);
        member(event, "policyDigest", '"', false);
        int run = member(event, "run", '{', true);
        long build = integer(member(run, "build", '0', true), 1);
        int jobMember = member(run, "job", '"', true);
        member(run, "url", '"', false);
        String job = scanner.text(jobMember);
        if (job.isEmpty()) {
            throw error(scanner.valueStart(jobMember), "run.job is empty");
        }
        checkEventHash(event, eventHash);
        String expectedLink = LedgerLink.hash(seq, linkPrev, eventHashHex, digest);
        if (!Sha256.same(expectedLink, linkHash)) {
            throw error(
                    scanner.valueStart(member(-1, "hash", '"', true)),
                    "the link hash does not match (computed " + expectedLink + ")");
        }
        return new LedgerLine(
                new LedgerLink(seq, linkPrev, eventHashHex, linkHash),
                new RunKey(job, build),
                runSeq,
                runPrev,
                keepBytes ? Arrays.copyOfRange(b, start, end) : null);
    }

    private void checkEventHash(int event, int hashMember) throws AuditFormatException {
        int eventStart = scanner.valueStart(event);
        int eventEnd = scanner.valueEnd(event);
        int cutStart = scanner.keyStart(hashMember);
        int cutEnd = scanner.valueEnd(hashMember);
        if (line[cutEnd] == ',') {
            cutEnd++;
        } else if (line[cutStart - 1] == ',') {
            cutStart--;
        }
        digest.update(line, eventStart, cutStart - eventStart);
        digest.update(line, cutEnd, eventEnd - cutEnd);
        byte[] sum = digest.digest();
        HexFormat hexFormat = HexFormat.of();
        for (int i = 0; i < 32; i++) {
            computed[2 * i] = (byte) hexFormat.toLowHexDigit(sum[i] >> 4);
            computed[2 * i + 1] = (byte) hexFormat.toLowHexDigit(sum[i]);
        }
        int start = scanner.valueStart(hashMember) + 1;
        int difference = 0;
        for (int i = 0; i < 64; i++) {
            difference |= computed[i] ^ line[start + i];
        }
        if (difference != 0) {
            throw error(
                    start - 1,
                    "the event's hash does not match its content (computed "
                            + new String(computed, java.nio.charset.StandardCharsets.US_ASCII) + ")");
        }
    }

    private int member(int parent, String name, char kind, boolean required) throws AuditFormatException {
        int index = scanner.find(parent, name);
        String qualified = (parent == -1 ? "" : "event.") + name;
        if (index < 0) {
            if (required) {
                throw error(lineStart, "member " + qualified + " is missing");
            }
            return -1;
        }
        byte first = scanner.firstByte(index);
        boolean ok =
                switch (kind) {
                    case '{' -> first == '{';
                    case '"' -> first == '"';
                    default -> first == '-' || first >= '0' && first <= '9';
                };
        if (!ok) {
            String expected = kind == '{' ? "an object" : kind == '"' ? "a string" : "an integer";
            throw error(scanner.valueStart(index), "member " + qualified + " must be " + expected);
        }
        return index;
    }

    private String hex(int member) throws AuditFormatException {
        int start = scanner.valueStart(member);
        boolean ok = scanner.valueEnd(member) - start == 66;
        for (int i = start + 1; ok && i < start + 65; i++) {
            byte c = line[i];
            ok = c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
        }
        if (!ok) {
            throw error(start, "expected 64 lower-case hexadecimal digits");
        }
        return new String(line, start + 1, 64, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private long integer(int member, long minimum) throws AuditFormatException {
        long value = scanner.integer(member);
        if (value < minimum) {
            throw error(scanner.valueStart(member), "must be at least " + minimum);
        }
        return value;
    }

    private void checkType(int member) throws AuditFormatException {
        if (!scanner.isEventType(member)) {
            throw error(scanner.valueStart(member), "event type is not well-formed");
        }
    }

    private void checkTime(int member) throws AuditFormatException {
        int start = scanner.valueStart(member) + 1;
        String pattern = "dddd-dd-ddTdd:dd:dd.dddZ";
        boolean ok = scanner.valueEnd(member) - start == pattern.length() + 1;
        for (int i = 0; ok && i < pattern.length(); i++) {
            char p = pattern.charAt(i);
            byte c = line[start + i];
            ok = p == 'd' ? c >= '0' && c <= '9' : c == p;
        }
        if (!ok) {
            throw error(start - 1, "event time must be UTC with milliseconds, as 2025-01-31T23:59:59.123Z");
        }
    }

    private AuditFormatException error(int position, String reason) {
        return new AuditFormatException(
                input + " at byte " + (inputOffset + position - lineStart), "ledger line " + reason, REMEDY);
    }
}
