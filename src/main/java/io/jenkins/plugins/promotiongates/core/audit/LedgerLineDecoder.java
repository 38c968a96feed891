package io.jenkins.plugins.promotiongates.core.audit;

import io.jenkins.plugins.promotiongates.core.artifact.DigestAlgorithm;
import io.jenkins.plugins.promotiongates.core.artifact.Sha256;
import io.jenkins.plugins.promotiongates.core.json.CanonicalScanner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Reads one ledger line and checks everything that can be checked from the line alone: canonical
 * form, members and their types, the event's hash and the link hash. Scans each line once and
 * hashes it in place. Not thread-safe: one decoder per thread.
 */
final class LedgerLineDecoder {

    static final String REMEDY = "The ledger is evidence and is never rewritten: keep this file, report the problem"
            + " to the Jenkins administrator, and compare it with backups";

    /** A member name, with its bytes for the scanner. */
    private record Name(String text, byte[] bytes) {
        Name(String text) {
            this(text, text.getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static final Name EVENT = new Name("event");
    private static final Name HASH = new Name("hash");
    private static final Name PREV = new Name("prev");
    private static final Name SEQ = new Name("seq");
    private static final Name TYPE = new Name("type");
    private static final Name TIME = new Name("time");
    private static final Name ACTOR = new Name("actor");
    private static final Name DETAILS = new Name("details");
    private static final Name ARTIFACT = new Name("artifact");
    private static final Name ENVIRONMENT = new Name("environment");
    private static final Name POLICY_DIGEST = new Name("policyDigest");
    private static final Name RUN = new Name("run");
    private static final Name BUILD = new Name("build");
    private static final Name JOB = new Name("job");
    private static final Name URL = new Name("url");

    private final CanonicalScanner scanner = new CanonicalScanner();
    private final MessageDigest digest = DigestAlgorithm.SHA256.newMessageDigest();
    private final LinkHasher linkHasher = new LinkHasher(digest);
    private final byte[] computed = new byte[64];
    private byte[] line;
    private int lineStart;
    private String input;
    private long inputOffset;
    private long seq;
    private long runSeq;
    private long build;
    private int linkHashAt;
    private int linkPrevAt;
    private int eventHashAt;
    private int runPrevAt;
    private int jobAt;
    private int jobLength;
    private byte[] eventHash;
    private byte[] linkHash;

    /**
     * Decodes {@code b[start, end)}, a line without its newline, found at byte {@code offset} of
     * {@code file}.
     */
    LedgerLine decode(byte[] b, int start, int end, String file, long offset, boolean keepBytes)
            throws AuditFormatException {
        check(b, start, end, file, offset);
        String eventHashHex = text(eventHashAt);
        return new LedgerLine(
                new LedgerLink(seq, text(linkPrevAt), eventHashHex, text(linkHashAt)),
                new RunKey(CanonicalScanner.decode(b, jobAt - 1, jobAt + jobLength + 1), build),
                runSeq,
                text(runPrevAt),
                keepBytes ? Arrays.copyOfRange(b, start, end) : null);
    }

    /**
     * Checks {@code b[start, end)}, a line without its newline, found at byte {@code offset} of
     * {@code file}, as {@link #decode} does, without building any object: the accessors below then
     * describe the line, until the next call.
     */
    void check(byte[] b, int start, int end, String file, long offset) throws AuditFormatException {
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
            throw error(e.offset(), "not canonical audit JSON: " + e.getMessage());
        }
        if (scanner.memberCount(-1) != 4) {
            throw error(start, "a ledger line has exactly the members event, hash, prev and seq");
        }
        int event = member(-1, EVENT, '{', true);
        int linkHashMember = member(-1, HASH, '"', true);
        linkHashAt = hex(linkHashMember);
        linkPrevAt = hex(member(-1, PREV, '"', true));
        seq = integer(member(-1, SEQ, '0', true), 0);
        int eventHashMember = member(event, HASH, '"', true);
        eventHashAt = hex(eventHashMember);
        runPrevAt = hex(member(event, PREV, '"', true));
        runSeq = integer(member(event, SEQ, '0', true), 1);
        checkType(member(event, TYPE, '"', true));
        checkTime(member(event, TIME, '"', true));
        member(event, ACTOR, '"', true);
        member(event, DETAILS, '{', false);
        member(event, ARTIFACT, '{', false);
        member(event, ENVIRONMENT, '"', false);
        member(event, POLICY_DIGEST, '"', false);
        int run = member(event, RUN, '{', true);
        build = integer(member(run, BUILD, '0', true), 1);
        int jobMember = member(run, JOB, '"', true);
        member(run, URL, '"', false);
        jobAt = scanner.valueStart(jobMember) + 1;
        jobLength = scanner.valueEnd(jobMember) - jobAt - 1;
        if (jobLength == 0) {
            throw error(scanner.valueStart(jobMember), "run.job is empty");
        }
        checkEventHash(event, eventHashMember);
        linkHash = linkHasher.hash(seq, b, linkPrevAt, b, eventHashAt);
        Sha256.hex(linkHash, computed, 0);
        if (!Sha256.same(computed, 0, b, linkHashAt, 64)) {
            throw error(
                    linkHashAt - 1,
                    "the link hash does not match (computed " + new String(computed, StandardCharsets.US_ASCII) + ")");
        }
    }

    /** The entry number of the line checked last. */
    long seq() {
        return seq;
    }

    /** The number of its event in the event's run chain. */
    long runSeq() {
        return runSeq;
    }

    /** The build number of its event's run. */
    long build() {
        return build;
    }

    /** Where, in the array checked last, its job's canonical string bytes (quotes excluded) start. */
    int jobAt() {
        return jobAt;
    }

    int jobLength() {
        return jobLength;
    }

    /** Where, in the array checked last, the 64 hex digits of its link {@code prev} start. */
    int linkPrevAt() {
        return linkPrevAt;
    }

    /** Where, in the array checked last, the 64 hex digits of its event's {@code prev} start. */
    int runPrevAt() {
        return runPrevAt;
    }

    /** The 32-byte hash of its event, as computed (and found equal to the line's). */
    byte[] eventHash() {
        return eventHash;
    }

    /** The 32-byte link hash, as computed (and found equal to the line's). */
    byte[] linkHash() {
        return linkHash;
    }

    private String text(int hexAt) {
        return new String(line, hexAt, 64, StandardCharsets.US_ASCII);
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
        eventHash = digest.digest();
        Sha256.hex(eventHash, computed, 0);
        if (!Sha256.same(computed, 0, line, eventHashAt, 64)) {
            throw error(
                    eventHashAt - 1,
                    "the event's hash does not match its content (computed "
                            + new String(computed, StandardCharsets.US_ASCII) + ")");
        }
    }

    private int member(int parent, Name name, char kind, boolean required) throws AuditFormatException {
        int index = scanner.find(parent, name.bytes());
        if (index < 0) {
            if (required) {
                throw error(lineStart, "member " + qualified(parent, name) + " is missing");
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
            throw error(scanner.valueStart(index), "member " + qualified(parent, name) + " must be " + expected);
        }
        return index;
    }

    private static String qualified(int parent, Name name) {
        return (parent == -1 ? "" : "event.") + name.text();
    }

    /** Checks that the string member holds 64 lower-case hex digits; returns where they start. */
    private int hex(int member) throws AuditFormatException {
        int start = scanner.valueStart(member);
        if (scanner.valueEnd(member) - start != 66 || !Sha256.isHex(line, start + 1)) {
            throw error(start, "expected 64 lower-case hexadecimal digits");
        }
        return start + 1;
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
