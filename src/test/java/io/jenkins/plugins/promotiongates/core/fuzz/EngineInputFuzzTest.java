package io.jenkins.plugins.promotiongates.core.fuzz;

import static org.junit.Assert.fail;

import io.jenkins.plugins.promotiongates.core.approval.Approver;
import io.jenkins.plugins.promotiongates.core.approval.GateId;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshotJson;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactDigest;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactPathException;
import io.jenkins.plugins.promotiongates.core.artifact.ConfinedPath;
import io.jenkins.plugins.promotiongates.core.artifact.QuotedInput;
import io.jenkins.plugins.promotiongates.core.audit.BundleVerification;
import io.jenkins.plugins.promotiongates.core.audit.BundleVerifier;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceCheck;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceContext;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceDocument;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceKind;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceLimits;
import io.jenkins.plugins.promotiongates.core.evidence.external.ExternalCheckAnswer;
import io.jenkins.plugins.promotiongates.core.evidence.external.ExternalCheckJudge;
import io.jenkins.plugins.promotiongates.core.evidence.external.ExternalCheckSettings;
import io.jenkins.plugins.promotiongates.core.evidence.external.PollSchedule;
import io.jenkins.plugins.promotiongates.core.evidence.junit.TestsCheck;
import io.jenkins.plugins.promotiongates.core.evidence.junit.TestsSettings;
import io.jenkins.plugins.promotiongates.core.evidence.metrics.MetricBound;
import io.jenkins.plugins.promotiongates.core.evidence.metrics.MetricsCheck;
import io.jenkins.plugins.promotiongates.core.evidence.metrics.MetricsSettings;
import io.jenkins.plugins.promotiongates.core.evidence.sarif.VulnerabilityCheck;
import io.jenkins.plugins.promotiongates.core.evidence.sarif.VulnerabilitySettings;
import io.jenkins.plugins.promotiongates.core.evidence.sbom.SbomCheck;
import io.jenkins.plugins.promotiongates.core.evidence.sbom.SbomSettings;
import io.jenkins.plugins.promotiongates.core.policy.AllowedBranches;
import io.jenkins.plugins.promotiongates.core.policy.ApprovalRule;
import io.jenkins.plugins.promotiongates.core.policy.DurationText;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.EnvironmentSettings;
import io.jenkins.plugins.promotiongates.core.policy.IdNormalizer;
import io.jenkins.plugins.promotiongates.core.policy.InvalidPolicyException;
import io.jenkins.plugins.promotiongates.core.policy.NameList;
import io.jenkins.plugins.promotiongates.core.policy.PolicyJson;
import io.jenkins.plugins.promotiongates.core.policy.PolicyProblem;
import io.jenkins.plugins.promotiongates.core.policy.PolicyTightener;
import io.jenkins.plugins.promotiongates.core.policy.SignatureHash;
import io.jenkins.plugins.promotiongates.core.policy.SignatureRequirement;
import io.jenkins.plugins.promotiongates.core.policy.StepTightening;
import io.jenkins.plugins.promotiongates.core.policy.Tightening;
import io.jenkins.plugins.promotiongates.core.policy.WeeklyWindow;
import io.jenkins.plugins.promotiongates.core.promotion.PromotionRecordJson;
import io.jenkins.plugins.promotiongates.core.promotion.repository.ArtifactCoordinates;
import io.jenkins.plugins.promotiongates.core.promotion.repository.Repositories;
import io.jenkins.plugins.promotiongates.core.signature.SignatureKeyChoice;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.AfterClass;
import org.junit.Test;

/**
 * Every public entry point of the engine that takes what a user, a Jenkinsfile or a stored file
 * gives it, fed seeded hostile and random values. Each case must end, within {@value #MAX_MILLIS}
 * ms, either normally or with an {@link IllegalArgumentException} (or the entry point's documented
 * checked exception) whose message names the input; never an NPE, a StackOverflowError, another
 * exception or a long computation. Re-run a failure with {@code -Dpromotiongates.fuzz.seed=N}; more
 * cases with {@code -Dpromotiongates.fuzz.cases=N} (per entry point).
 */
public class EngineInputFuzzTest {

    static final long SEED = Long.getLong("promotiongates.fuzz.seed", 0x5EED_2026L);
    static final int CASES = Integer.getInteger("promotiongates.fuzz.cases", 10_000);
    static final long MAX_MILLIS = 1_000;

    private static final AtomicInteger TOTAL = new AtomicInteger();
    private static final long STARTED = System.nanoTime();

    private static final Map<String, Set<String>> GROUPS =
            Map.of("carol", Set.of("release-managers"), "dan", Set.of("release-managers"));

    private static final Environment PRODUCTION = Environment.builder("production")
            .rule(new ApprovalRule("leads", Set.of("alice", "bob", "erin"), Set.of(), 1, false))
            .rule(new ApprovalRule("", Set.of(), Set.of("release-managers"), 1, false))
            .approvalValidity(Duration.ofHours(24))
            .gateTimeout(Duration.ofDays(2))
            .repository("record-only:")
            .build();

    private static final PolicyTightener TIGHTENER =
            new PolicyTightener(IdNormalizer.caseInsensitive(), user -> GROUPS.getOrDefault(user, Set.of()));

    /** One case: draws its inputs from {@code in}, returns them for the failure message. */
    interface Case {
        List<String> run(HostileInputs in, List<String> drawn) throws Exception;
    }

    @AfterClass
    public static void report() {
        System.out.println("EngineInputFuzzTest: " + TOTAL.get() + " cases, seed " + SEED + ", "
                + (System.nanoTime() - STARTED) / 1_000_000 + " ms");
    }

    /**
     * @param names the message must contain one of these (how the entry point names its input)
     * @param checked documented checked exceptions, also accepted
     */
    private static void fuzz(String entryPoint, List<String> names, List<Class<? extends Exception>> checked, Case c) {
        long seed = SEED ^ entryPoint.hashCode();
        SplittableRandom random = new SplittableRandom(seed);
        for (int n = 0; n < CASES; n++) {
            HostileInputs in = new HostileInputs(random.split());
            List<String> drawn = new ArrayList<>();
            long start = System.nanoTime();
            Throwable caught = null;
            try {
                c.run(in, drawn);
            } catch (Throwable t) {
                caught = t;
            }
            Throwable thrown = caught;
            long millis = (System.nanoTime() - start) / 1_000_000;
            String where = entryPoint + " case " + n + " (seed " + seed + ", run again with -Dpromotiongates.fuzz.seed="
                    + SEED + ") with " + shown(drawn);
            TOTAL.incrementAndGet();
            if (millis > MAX_MILLIS) {
                fail(where + " took " + millis + " ms");
            }
            if (thrown == null) {
                continue;
            }
            boolean allowed = thrown instanceof IllegalArgumentException
                    || checked.stream().anyMatch(type -> type.isInstance(thrown));
            if (!allowed) {
                throw new AssertionError(where + " threw " + thrown.getClass().getName(), thrown);
            }
            String message = thrown.getMessage();
            if (message == null || message.isBlank() || names.stream().noneMatch(message::contains)) {
                throw new AssertionError(
                        where + " threw a message that names none of " + names + ": " + message, thrown);
            }
            if (thrown instanceof InvalidPolicyException invalid) {
                for (PolicyProblem problem : invalid.problems()) {
                    if (problem.field() == null || problem.field().isBlank()) {
                        throw new AssertionError(where + " reported a problem naming no field: " + problem, thrown);
                    }
                }
            }
        }
    }

    private static String shown(List<String> drawn) {
        return drawn.stream().map(QuotedInput::of).toList().toString();
    }

    private static final List<String> EVIDENCE_KEYS = List.of(
            "files",
            "minimumTests",
            "allowedLicences",
            "allowUnlicensed",
            "requireSubjectDigest",
            "failOnLevel",
            "failOnSecuritySeverity",
            "name",
            "endpoint",
            "credentialsId",
            "timeout",
            "giveUpAfter",
            "bogus");

    /** One evidence requirement of a drawn kind with up to four drawn settings, and sometimes an entry list. */
    private static EnvironmentSettings.EvidenceSettings evidence(HostileInputs in, List<String> drawn) {
        EvidenceKind kind = EvidenceKind.values()[in.nextInt(EvidenceKind.values().length)];
        Map<String, Object> settings = new LinkedHashMap<>();
        for (int i = in.nextInt(5); i > 0; i--) {
            settings.put(EVIDENCE_KEYS.get(in.nextInt(EVIDENCE_KEYS.size())), draw(in, drawn));
        }
        if (in.bool()) {
            settings.put(kind == EvidenceKind.METRICS ? "bounds" : "exceptions", List.of(entry(in, drawn)));
        }
        return new EnvironmentSettings.EvidenceSettings(kind, settings);
    }

    /** An exception or bound entry whose values may be null, as a hostile YAML file could give. */
    private static Map<String, Object> entry(HostileInputs in, List<String> drawn) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", draw(in, drawn));
        entry.put("ruleId", draw(in, drawn));
        entry.put("until", draw(in, drawn));
        return entry;
    }

    private static String draw(HostileInputs in, List<String> drawn) {
        String value = in.next();
        drawn.add(value);
        return value;
    }

    @Test(timeout = 120_000)
    public void allowedBranches() {
        fuzz("AllowedBranches.check", List.of("allowedBranches"), List.of(), (in, drawn) -> {
            List<String> patterns = new ArrayList<>();
            for (int i = in.nextInt(3); i > 0; i--) {
                patterns.add(draw(in, drawn));
            }
            AllowedBranches.check(patterns, draw(in, drawn));
            return drawn;
        });
    }

    @Test(timeout = 120_000)
    public void stepTighteningAgainstAPolicy() {
        fuzz(
                "StepTightening.parse + PolicyTightener.effective",
                List.of("count", "approvers", "timeout", "validity", "repository"),
                List.of(),
                (in, drawn) -> {
                    Integer count = in.count();
                    drawn.add("count=" + count);
                    Tightening step = StepTightening.parse(count, draw(in, drawn), draw(in, drawn), draw(in, drawn))
                            .withRepository(in.bool() ? null : draw(in, drawn));
                    TIGHTENER.effective(PRODUCTION, step);
                    return drawn;
                });
    }

    @Test(timeout = 120_000)
    public void approversAsAList() {
        fuzz("PolicyTightener.effective(approvers list)", List.of("approvers", "count"), List.of(), (in, drawn) -> {
            List<String> approvers = new ArrayList<>();
            for (int i = in.nextInt(4); i > 0; i--) {
                approvers.add(in.bool() ? in.plausible() : draw(in, drawn));
            }
            drawn.add(approvers.toString());
            TIGHTENER.effective(
                    PRODUCTION, Tightening.NONE.withApprovers(approvers).withCount(in.count()));
            return drawn;
        });
    }

    @Test(timeout = 120_000)
    public void durationsHashesAndWindows() {
        fuzz("DurationText, SignatureHash, WeeklyWindow", List.of("fuzzField"), List.of(), (in, drawn) -> {
            switch (in.nextInt(3)) {
                case 0 -> DurationText.parse("fuzzField", draw(in, drawn));
                case 1 -> SignatureHash.parse("fuzzField", draw(in, drawn));
                default -> WeeklyWindow.parse("fuzzField", draw(in, drawn), draw(in, drawn), draw(in, drawn));
            }
            return drawn;
        });
    }

    @Test(timeout = 120_000)
    public void gateIds() {
        fuzz("GateId.of", List.of("id"), List.of(), (in, drawn) -> {
            GateId.of(draw(in, drawn), draw(in, drawn));
            return drawn;
        });
    }

    @Test(timeout = 120_000)
    public void artifactCoordinatesAndDigests() {
        fuzz(
                "ArtifactCoordinates.of, ArtifactDigest.parse",
                List.of("artifact file name", "version", "fuzzField"),
                List.of(),
                (in, drawn) -> {
                    if (in.bool()) {
                        ArtifactCoordinates.of(draw(in, drawn), draw(in, drawn));
                    } else {
                        ArtifactDigest.parse(draw(in, drawn), "fuzzField");
                    }
                    return drawn;
                });
    }

    @Test(timeout = 120_000)
    public void workspacePaths() {
        fuzz(
                "ConfinedPath.checkRelative",
                List.of("Artifact path"),
                List.of(ArtifactPathException.class),
                (in, drawn) -> {
                    ConfinedPath.checkRelative(draw(in, drawn));
                    return drawn;
                });
    }

    @Test(timeout = 120_000)
    public void storedJson() {
        String policy = TIGHTENER.effective(PRODUCTION, Tightening.NONE).canonicalJson();
        fuzz(
                "PolicyJson.read, GateSnapshotJson.read, PromotionRecordJson.read",
                List.of("policy", "gate", "promotion record", "environment", "rules", "approvers"),
                List.of(),
                (in, drawn) -> {
                    String json = in.bool() ? draw(in, drawn) : mutate(in, policy, drawn);
                    switch (in.nextInt(3)) {
                        case 0 -> PolicyJson.read(json);
                        case 1 -> GateSnapshotJson.read(json);
                        default -> PromotionRecordJson.read(json);
                    }
                    return drawn;
                });
    }

    @Test(timeout = 120_000)
    public void environmentSettings() {
        String prefix = "environments[fuzz]";
        fuzz("EnvironmentSettings.toEnvironment", List.of(prefix), List.of(), (in, drawn) -> {
            List<EnvironmentSettings.RuleSettings> rules = new ArrayList<>();
            for (int i = in.nextInt(3); i > 0; i--) {
                Integer count = in.count();
                rules.add(new EnvironmentSettings.RuleSettings(
                        draw(in, drawn), draw(in, drawn), draw(in, drawn), count == null ? 1 : count, in.bool()));
            }
            EnvironmentSettings settings = new EnvironmentSettings(
                    in.bool() ? in.plausible() : draw(in, drawn),
                    draw(in, drawn),
                    rules,
                    in.bool(),
                    in.bool(),
                    in.bool(),
                    draw(in, drawn),
                    draw(in, drawn),
                    in.bool()
                            ? null
                            : new EnvironmentSettings.SignatureSettings(draw(in, drawn), bits(in), draw(in, drawn)),
                    draw(in, drawn),
                    draw(in, drawn),
                    List.of(new EnvironmentSettings.WindowSettings(draw(in, drawn), draw(in, drawn), draw(in, drawn))),
                    List.of(new EnvironmentSettings.FreezeSettings(draw(in, drawn), draw(in, drawn), draw(in, drawn))),
                    draw(in, drawn),
                    draw(in, drawn),
                    new EnvironmentSettings.BreakGlassSettings(in.bool(), draw(in, drawn)),
                    draw(in, drawn),
                    List.of(evidence(in, drawn)));
            settings.toEnvironment(prefix);
            return drawn;
        });
    }

    @Test(timeout = 120_000)
    public void repositoriesIdsAndNames() {
        fuzz(
                "Repositories.needsCredentials, Approver.of, NameList.parse",
                List.of("repository", "user id", "group name"),
                List.of(),
                (in, drawn) -> {
                    switch (in.nextInt(3)) {
                        case 0 -> Repositories.needsCredentials(draw(in, drawn), "production");
                        case 1 ->
                            Approver.of(
                                    IdNormalizer.caseInsensitive(),
                                    draw(in, drawn),
                                    Arrays.asList(draw(in, drawn), draw(in, drawn)));
                        default -> NameList.parse(draw(in, drawn));
                    }
                    return drawn;
                });
    }

    private static int bits(HostileInputs in) {
        Integer count = in.count();
        return count == null ? 2048 : count;
    }

    @Test(timeout = 120_000)
    public void trustedKeysAStepNames() {
        Environment signed = PRODUCTION.toBuilder()
                .signature(SignatureRequirement.of(Set.of("release-team", "ops")))
                .build();
        fuzz("SignatureKeyChoice.of", List.of("trustedKeys"), List.of(), (in, drawn) -> {
            List<String> requested = null;
            if (in.nextInt(5) > 0) {
                requested = new ArrayList<>();
                for (int i = in.nextInt(3); i > 0; i--) {
                    requested.add(in.bool() ? "release-team" : draw(in, drawn));
                }
            }
            drawn.add(String.valueOf(requested));
            SignatureKeyChoice.of(in.bool() ? signed : in.bool() ? PRODUCTION : null, requested, in.bool());
            return drawn;
        });
    }

    @Test(timeout = 120_000)
    public void auditBundles() {
        fuzz("BundleVerifier.verify", List.of("bundle"), List.of(), (in, drawn) -> {
            String text = draw(in, drawn);
            BundleVerification verification = BundleVerifier.verify(
                    text == null ? null : text.getBytes(StandardCharsets.UTF_8), Optional.empty());
            if (verification.verified()) {
                throw new AssertionError("a random bundle verified");
            }
            return drawn;
        });
    }

    /** The valid text with a few characters replaced, inserted or removed, or a hostile value spliced in. */
    private static String mutate(HostileInputs in, String valid, List<String> drawn) {
        StringBuilder text = new StringBuilder(valid);
        for (int i = 1 + in.nextInt(3); i > 0 && text.length() > 0; i--) {
            int at = in.nextInt(text.length());
            switch (in.nextInt(4)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, "{}[]\",:0-e\\".charAt(in.nextInt(11)));
                case 2 -> text.setCharAt(at, (char) in.nextInt(128));
                default -> {
                    String hostile = in.next();
                    text.insert(
                            at,
                            hostile == null
                                    ? "null"
                                    : hostile.length() > 2_000 ? hostile.substring(0, 2_000) : hostile);
                }
            }
        }
        drawn.add(text.toString());
        return text.toString();
    }

    /** Evidence files in the shapes their readers expect, with hostile values inside, or raw. */
    private static final String[] EVIDENCE_SHAPES = {
        "%s",
        "<testsuite name=\"%1$s\"><testcase classname=\"%1$s\" name=\"t\"><failure message=\"%1$s\"/></testcase></testsuite>",
        "{\"version\":\"2.1.0\",\"runs\":[{\"results\":[{\"ruleId\":\"%1$s\",\"level\":\"%1$s\",\"properties\":{\"security-severity\":\"%1$s\"}}]}]}",
        "{\"latencyMs\": %s}",
        "{\"status\":\"%1$s\",\"reason\":\"%1$s\"}",
    };

    private static final List<EvidenceCheck> EVIDENCE_CHECKS = List.of(
            new TestsCheck(new TestsSettings(1), EvidenceLimits.DEFAULT),
            new SbomCheck(new SbomSettings(List.of("MIT"), false, false), EvidenceLimits.DEFAULT),
            new VulnerabilityCheck(VulnerabilitySettings.of("error", "high", List.of()), EvidenceLimits.DEFAULT),
            new MetricsCheck(
                    new MetricsSettings(List.of(MetricBound.atMost("latencyMs", 250))), EvidenceLimits.DEFAULT));

    private static final ExternalCheckJudge JUDGE = new ExternalCheckJudge(ExternalCheckSettings.of(
            "https://change.example.com/", "", Duration.ofSeconds(10), PollSchedule.DEFAULT, Duration.ofHours(1)));

    /** A hostile evidence file is a failed verdict, never an exception. */
    @Test(timeout = 120_000)
    public void evidenceFiles() {
        java.time.Instant now = java.time.Instant.parse("2026-12-06T12:00:00Z");
        io.jenkins.plugins.promotiongates.core.release.Release release =
                io.jenkins.plugins.promotiongates.core.release.Release.of(
                        "app",
                        "1.0",
                        new io.jenkins.plugins.promotiongates.core.release.ReleaseFile(
                                "app.jar", ArtifactDigest.parse("sha256:" + "a".repeat(64), "test"), 1));
        EvidenceContext context = new EvidenceContext(release, now);
        fuzz(
                "EvidenceCheck.evaluate, ExternalCheckJudge.decide",
                List.of("\u0000no exception"),
                List.of(),
                (in, drawn) -> {
                    String value = draw(in, drawn);
                    String shaped = EVIDENCE_SHAPES[in.nextInt(EVIDENCE_SHAPES.length)].formatted(value);
                    byte[] bytes = shaped.getBytes(StandardCharsets.UTF_8);
                    EvidenceDocument document = new EvidenceDocument(
                            "evidence", ArtifactDigest.parse("sha256:" + "b".repeat(64), "test"), bytes);
                    EVIDENCE_CHECKS.get(in.nextInt(EVIDENCE_CHECKS.size())).evaluate(List.of(document), context);
                    JUDGE.decide(ExternalCheckAnswer.received(200, bytes), 1, now, now);
                    return drawn;
                });
    }

    @Test(timeout = 120_000)
    public void evidenceSettings() {
        fuzz(
                "SbomSettings, VulnerabilitySettings.of, ExternalCheckSettings.of",
                List.of("sbom.allowedLicences", "vulnerabilities.failOn", "externalCheck.endpoint"),
                List.of(),
                (in, drawn) -> {
                    switch (in.nextInt(3)) {
                        case 0 -> new SbomSettings(Arrays.asList(draw(in, drawn), "MIT"), false, false);
                        case 1 ->
                            VulnerabilitySettings.of(in.bool() ? "error" : draw(in, drawn), draw(in, drawn), List.of());
                        default ->
                            ExternalCheckSettings.of(
                                    draw(in, drawn),
                                    "",
                                    Duration.ofSeconds(5),
                                    PollSchedule.DEFAULT,
                                    Duration.ofHours(1));
                    }
                    return drawn;
                });
    }
}
