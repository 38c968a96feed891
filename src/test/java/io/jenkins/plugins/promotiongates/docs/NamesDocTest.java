package io.jenkins.plugins.promotiongates.docs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.config.EnvironmentConfig;
import io.jenkins.plugins.promotiongates.core.approval.ApprovalGate;
import io.jenkins.plugins.promotiongates.core.approval.Approver;
import io.jenkins.plugins.promotiongates.core.approval.GateOutcome;
import io.jenkins.plugins.promotiongates.core.approval.RunParties;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.policy.ApprovalRule;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.GroupDirectory;
import io.jenkins.plugins.promotiongates.core.policy.IdNormalizer;
import io.jenkins.plugins.promotiongates.core.policy.PolicyTightener;
import io.jenkins.plugins.promotiongates.core.policy.Tightening;
import io.jenkins.plugins.promotiongates.core.promotion.Evaluation;
import io.jenkins.plugins.promotiongates.core.promotion.Precondition;
import io.jenkins.plugins.promotiongates.core.promotion.PreconditionResult;
import io.jenkins.plugins.promotiongates.core.promotion.PromotionStepResult;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import io.jenkins.plugins.promotiongates.core.signature.SignatureFormat;
import io.jenkins.plugins.promotiongates.core.signature.Verification;
import io.jenkins.plugins.promotiongates.core.signature.VerificationReport;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * Names are single-sourced: the keys the docs list for each step's return value are the keys of the
 * map the step returns; every setting a refusal message or a page names
 * ({@code environments[production].signature.trustedKeys}) is a property of the configuration
 * model; and the docs say "aborted" where the code aborts.
 */
public class NamesDocTest {

    private static final ArtifactDigest DIGEST = ArtifactDigest.parse(
            "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "test digest");

    @Test
    public void verifySignatureReturnsTheKeysTheDocsList() {
        Verification verification = new Verification(
                true,
                SignatureFormat.OPENPGP,
                "Ed25519/SHA-256",
                DIGEST,
                3,
                "ABCD",
                "release-team",
                "R <r@x>",
                List.of(),
                "");
        List<String> keys = List.copyOf(VerificationReport.asMap(verification).keySet());
        assertEquals(keys, keysIn(Sources.read("docs/signatures.md"), "The step returns a map:"));
        List<String> readme = keysIn(Sources.read("README.md"), "`verifySignature` gives");
        assertTrue("README's verifySignature keys " + readme + " are among " + keys, keys.containsAll(readme));
        assertTrue(readme.size() >= 5);
    }

    @Test
    public void promoteArtifactReturnsTheKeysTheDocsList() {
        Evaluation evaluation = new Evaluation(
                "production",
                "staging",
                Release.of("shop", "1.4.0", new ReleaseFile("app.tar.gz", DIGEST, 11)),
                false,
                false,
                "d".repeat(64),
                List.of(PreconditionResult.pass(Precondition.PATH, "ok")),
                Optional.empty(),
                List.of(),
                null);
        Map<String, Object> result = PromotionStepResult.dryRun(evaluation);
        String page = Sources.read("docs/promotion.md");
        String table = page.substring(page.indexOf("### Return value"), page.indexOf("### Badge"));
        List<String> documented = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| `([A-Za-z]+)` \\|").matcher(table);
        while (row.find()) {
            documented.add(row.group(1));
        }
        assertEquals(List.copyOf(result.keySet()), documented);
        assertEquals(
                List.copyOf(((Map<?, ?>) ((List<?>) result.get("gates")).get(0)).keySet()),
                keysIn(table, "every gate in order:"));
        assertEquals(List.copyOf(result.keySet()), keysIn(Sources.read("README.md"), "`promoteArtifact` gives"));
    }

    @Test
    public void requireApprovalsReturnsTheKeysTheDocsList() {
        IdNormalizer ids = IdNormalizer.caseInsensitive();
        Environment production = Environment.builder("production")
                .rule(new ApprovalRule("leads", Set.of("ann", "bob"), Set.of(), 1, false))
                .build();
        ApprovalGate gate = ApprovalGate.open(
                "release",
                new PolicyTightener(ids, GroupDirectory.NONE).effective(production, Tightening.NONE),
                DIGEST,
                RunParties.of(ids, "sam", List.of()),
                Clock.fixed(Instant.parse("2025-06-02T09:00:00Z"), ZoneOffset.UTC));
        gate.approve(
                Approver.of(ids, "ann", List.of()), "", DIGEST, gate.snapshot().policyDigest());
        Map<String, Object> map = GateOutcome.asMap(gate.snapshot());
        String page = Sources.read("docs/approvals.md");
        String returns = page.substring(page.indexOf("`requireApprovals` returns a map with"));
        List<String> documented =
                keysIn(returns.substring(0, returns.indexOf(", a\nlist of maps with")), "returns a map with");
        assertEquals(List.copyOf(map.keySet()), documented);
        assertEquals(
                List.copyOf(((Map<?, ?>) ((List<?>) map.get("decisions")).get(0)).keySet()),
                keysIn(returns, "list of maps with"));
    }

    /**
     * Every {@code environments[...].setting} that a message in the main code or a page of the docs
     * names is a property of EnvironmentConfig (or of the configuration element it leads to).
     */
    @Test
    public void everySettingThatMessagesAndDocsNameExists() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Sources.root().resolve("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                named.addAll(settingsNamedIn(file));
            }
        }
        int fromCode = named.size();
        Pattern documented = Pattern.compile("environments\\[[^\\]\\s]+\\]((?:\\.[a-zA-Z]+(?:\\[[^\\]\\s]*\\])?)+)");
        for (String page : Sources.pages()) {
            Matcher matcher = documented.matcher(Sources.read(page));
            while (matcher.find()) {
                named.add(matcher.group(1).replaceAll("\\[[^\\]]*\\]", "[*]"));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String path : named) {
            String problem = resolve(path);
            if (problem != null) {
                missing.add("environments[*]" + path + ": " + problem);
            }
        }
        assertEquals("settings that messages and docs name but the configuration does not have", List.of(), missing);
        assertTrue("found the settings the messages name: " + named, fromCode >= 15);
        assertEquals(
                "the check finds a setting that does not exist",
                "approvals is not a property of EnvironmentConfig",
                resolve(".approvals"));
        assertEquals(
                "the check finds a setting that does not exist",
                "minimumBits is not a property of SignaturePolicyConfig",
                resolve(".signature.minimumBits"));
    }

    /** A rejected or timed-out gate aborts the run (ABORTED), and the docs say so, not "fails". */
    @Test
    public void theDocsSayARejectedGateAbortsTheRun() throws IOException {
        String execution =
                Sources.read("src/main/java/io/jenkins/plugins/promotiongates/steps/RequireApprovalsExecution.java");
        assertTrue(execution.contains("new FlowInterruptedException(Result.ABORTED, true, why)"));
        Pattern gateEnds = Pattern.compile("(?i)reject|timed out|times out|gateTimeout");
        Pattern fails = Pattern.compile("(?i)the run fails|run is failed|\\| fails \\||fails the run");
        List<String> wrong = new ArrayList<>();
        for (String page : Sources.pages()) {
            String[] lines = Sources.read(page).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String text = lines[i] + (i + 1 < lines.length ? " " + lines[i + 1] : "");
                if (gateEnds.matcher(text).find() && fails.matcher(lines[i]).find()) {
                    wrong.add(page + ":" + (i + 1) + ": " + lines[i]);
                }
            }
        }
        assertEquals("lines that say a closed gate fails the run; it is aborted", List.of(), wrong);
    }

    /** The backticked names after {@code marker}, up to the end of its sentence, parentheses left out. */
    private static List<String> keysIn(String text, String marker) {
        int start = text.indexOf(marker);
        assertTrue("the docs still say: " + marker, start >= 0);
        String rest = text.substring(start + marker.length()).replaceAll("(?s)\\([^)]*\\)", "");
        Matcher end = Pattern.compile("\\.(\\s|$)|;|\\.\\.\\.|\\|").matcher(rest);
        String sentence = end.find() ? rest.substring(0, end.start()) : rest;
        List<String> keys = new ArrayList<>();
        Matcher key = Pattern.compile("`([A-Za-z]+)`").matcher(sentence);
        while (key.find()) {
            keys.add(key.group(1));
        }
        return keys;
    }

    /**
     * The {@code environments[...]} setting paths a source file writes into messages: its string
     * literals joined per statement, an expression between two literals read as {@code *}, and the
     * engine's {@code prefix} and {@code field} variables read as what they name ({@code field} only
     * where the file assigns it; a {@code field} parameter is left out).
     */
    private static Set<String> settingsNamedIn(Path file) throws IOException {
        String source = Files.readString(file).replaceAll("(?m)^\\s*(//|\\*|/\\*).*$", "");
        Set<String> paths = new TreeSet<>();
        String field = "";
        Pattern literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
        for (String statement : source.split(";")) {
            if (statement.matches("(?s).*\\([^)]*String field[,)].*")) {
                field = "?"; // a parameter: what it names is decided by the caller
            }
            String joined = statement
                    .replaceAll("\\bprefix\\s*\\+\\s*\"", "\"environments[*].")
                    .replaceAll("\\bfield\\s*\\+\\s*\"", "\"" + Matcher.quoteReplacement(field));
            StringBuilder text = new StringBuilder();
            Matcher matcher = literal.matcher(joined);
            int last = -1;
            while (matcher.find()) {
                if (last >= 0 && !joined.substring(last, matcher.start()).trim().equals("+")) {
                    text.append('*');
                } else if (last >= 0) {
                    text.append(joined.substring(last, matcher.start()).matches("\\s*\\+\\s*") ? "" : "*");
                }
                text.append(matcher.group(1));
                last = matcher.end();
            }
            String flat = text.toString().replace("..", ".").replaceAll("\\](?=[a-zA-Z])", "].");
            if (statement.matches("(?s).*String field\\s*=.*")) {
                field = flat;
            }
            Matcher setting = Pattern.compile("environments\\[[^\\]]*\\]((?:\\.[a-zA-Z]+(?:\\[[^\\]]*\\])?)+)")
                    .matcher(flat);
            while (setting.find()) {
                paths.add(setting.group(1).replaceAll("\\[[^\\]]*\\]", "[*]"));
            }
        }
        return paths;
    }

    /** Why {@code .a.b[*].c} is not a path through EnvironmentConfig's properties, or null. */
    private static String resolve(String path) {
        try {
            Type type = EnvironmentConfig.class;
            for (String segment : path.substring(1).split("\\.")) {
                boolean element = segment.endsWith("[*]");
                String name = segment.replace("[*]", "");
                Class<?> owner = DataBoundModel.raw(type);
                Type property = DataBoundModel.of(owner).properties.get(name);
                if (property == null) {
                    return name + " is not a property of " + owner.getSimpleName();
                }
                type = element || List.class.isAssignableFrom(DataBoundModel.raw(property))
                        ? DataBoundModel.element(property)
                        : property;
            }
            return null;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
