package io.jenkins.plugins.promotiongates.core.promotion;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.jenkins.plugins.promotiongates.core.artifact.ArtifactContent;
import io.jenkins.plugins.promotiongates.core.event.EventDraft;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceFixtures;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceKind;
import io.jenkins.plugins.promotiongates.core.evidence.external.ExternalCheckClient;
import io.jenkins.plugins.promotiongates.core.evidence.external.TestCertificate;
import io.jenkins.plugins.promotiongates.core.evidence.junit.TestReport;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.EvidenceRequirement;
import io.jenkins.plugins.promotiongates.core.policy.PromotionPolicy;
import io.jenkins.plugins.promotiongates.core.promotion.repository.FileSystemRepository;
import io.jenkins.plugins.promotiongates.core.release.Release;
import io.jenkins.plugins.promotiongates.core.release.ReleaseContent;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import io.jenkins.plugins.promotiongates.core.time.ManualClock;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The evidence flow end to end in the engine, with the values the steps really produce: a release of four
 * files (the artifact, a CycloneDX SBOM written by cyclonedx-maven-plugin, a SARIF scan written by flawfinder,
 * a metrics file), read by the controller from disk, the run's recorded test results, an external check
 * answered by a real HTTPS server, and the audit drafts the step records.
 */
public class EvidencePromotionFlowTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T10:00:00Z"));
    private Path dir;
    private Release release;
    private Path repositoryRoot;

    @Before
    public void setUp() throws Exception {
        dir = tmp.newFolder("archive").toPath();
        Files.writeString(dir.resolve("app.jar"), "the application", StandardCharsets.UTF_8);
        Files.write(dir.resolve("bom.json"), EvidenceFixtures.bytes("cyclonedx-maven-1.6.json"));
        Files.write(dir.resolve("scan.sarif"), EvidenceFixtures.bytes("flawfinder.sarif"));
        Files.writeString(dir.resolve("metrics.json"), "{\"p95LatencyMs\": 212}", StandardCharsets.UTF_8);
        List<ReleaseFile> files = new ArrayList<>();
        for (String name : List.of("app.jar", "bom.json", "scan.sarif", "metrics.json")) {
            Path file = dir.resolve(name);
            files.add(new ReleaseFile(name, PromotionFixtures.digest(file), Files.size(file)));
        }
        release = new Release("hello-service", "1.0.0", files);
        repositoryRoot = tmp.newFolder("releases").toPath();
    }

    private ReleaseContent content() {
        return file -> ArtifactContent.of(dir.resolve(file.name()));
    }

    private static EvidenceRequirement requirement(EvidenceKind kind, Map<String, Object> settings) {
        return EvidenceRequirement.of(kind, settings, "environments[qa].evidence[" + kind.label() + "]");
    }

    private static Map<String, Object> settings(Object... pairs) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            settings.put((String) pairs[i], pairs[i + 1]);
        }
        return settings;
    }

    private static List<EvidenceRequirement> strictEvidence() {
        return List.of(
                requirement(EvidenceKind.TESTS, settings("minimumTests", 3)),
                requirement(EvidenceKind.SBOM, settings("files", "bom.json", "allowedLicences", "Apache-2.0, EPL-1.0")),
                requirement(EvidenceKind.VULNERABILITIES, settings("files", "scan.sarif")),
                requirement(
                        EvidenceKind.METRICS,
                        settings(
                                "files",
                                "metrics.json",
                                "bounds",
                                List.of(Map.of("name", "p95LatencyMs", "max", "200")))));
    }

    private static List<EvidenceRequirement> satisfiedEvidence(String acceptedUntil) {
        List<Map<String, Object>> accepted = List.of(
                Map.of("ruleId", "FF1001", "until", acceptedUntil, "acceptedBy", "alice", "reason", "input is bounded"),
                Map.of("ruleId", "FF1016", "until", acceptedUntil, "acceptedBy", "alice", "reason", "constant format"));
        return List.of(
                requirement(EvidenceKind.TESTS, settings("minimumTests", 3)),
                requirement(
                        EvidenceKind.SBOM,
                        settings("files", "bom.json", "allowedLicences", "Apache-2.0, EPL-1.0, BSD-3-Clause")),
                requirement(EvidenceKind.VULNERABILITIES, settings("files", "scan.sarif", "exceptions", accepted)),
                requirement(
                        EvidenceKind.METRICS,
                        settings(
                                "files",
                                "metrics.json",
                                "bounds",
                                List.of(Map.of("name", "p95LatencyMs", "max", "250")))));
    }

    private PromotionOutcome promote(List<EvidenceRequirement> evidence, EvidenceSources sources) {
        Environment qa = Environment.builder("qa").evidence(evidence).build();
        PromotionRequest request = new PromotionRequest(
                release, "", "qa", PromotionFixtures.RUN, "main", List.of(), List.of(), EnvironmentSnapshot.EMPTY);
        return new PromotionService(new PromotionPolicy(List.of(qa)), PromotionFixtures.TIGHTENER, clock)
                .promote(request, sources, Inventory.empty(), () -> new FileSystemRepository(repositoryRoot));
    }

    private EvidenceSources sources(TestReport runTests) {
        return new EvidenceSources(content(), Optional.ofNullable(runTests), null);
    }

    private static TestReport passing(int tests) {
        return new TestReport(tests, 0, 0, 0, List.of(), List.of());
    }

    private static Map<String, ?> details(PromotionOutcome outcome, String type) {
        return PromotionEvents.drafts(outcome, "alice").stream()
                .filter(draft -> draft.type().equals(type))
                .map(EventDraft::details)
                .findFirst()
                .orElseThrow();
    }

    @Test
    public void everyEvidenceFailureIsReportedAtOnceWithItsRemedyAndNothingIsPublished() {
        PromotionOutcome outcome = promote(strictEvidence(), sources(null));

        assertEquals(PromotionOutcome.Status.REFUSED, outcome.status());
        List<PreconditionResult> evidence = outcome.evaluation().failures().stream()
                .filter(result -> result.precondition() == Precondition.EVIDENCE)
                .toList();
        assertEquals(outcome.evaluation().report(), 4, evidence.size());
        String report = outcome.evaluation().report();
        assertThat(report, containsString("[FAIL] evidence: tests: the run recorded no test results"));
        assertThat(report, containsString("record them with the junit step"));
        assertThat(report, containsString("BSD-3-Clause"));
        assertThat(report, containsString("FF1001"));
        assertThat(report, containsString("p95LatencyMs"));
        assertTrue(outcome.evaluation().failures().stream()
                .allMatch(result -> !result.remedy().isEmpty()));
        assertEquals(Optional.empty(), outcome.evaluation().waitingUntil());
        assertFalse(Files.exists(repositoryRoot.resolve("hello-service")));
    }

    @Test
    @SuppressWarnings("unchecked")
    public void satisfiedEvidencePromotesAndTheAuditKeepsEachFilesDigestAndVerdictButNotItsContent() {
        PromotionOutcome outcome = promote(satisfiedEvidence("2027-01-31"), sources(passing(5)));

        assertEquals(outcome.reasons().toString(), PromotionOutcome.Status.COMPLETED, outcome.status());
        assertTrue(Files.isRegularFile(repositoryRoot.resolve("hello-service/1.0.0/bom.json")));

        List<Object> gateEvidence =
                (List<Object>) details(outcome, EventTypes.GATE_PASSED).get("evidence");
        assertEquals(4, gateEvidence.size());
        Map<String, Object> sbom = (Map<String, Object>) gateEvidence.get(1);
        assertEquals("sbom", sbom.get("kind"));
        assertEquals("passed", sbom.get("outcome"));
        assertEquals(
                List.of(Map.of(
                        "name",
                        "bom.json",
                        "digest",
                        release.file("bom.json").orElseThrow().digest().toString())),
                sbom.get("files"));
        Map<String, Object> scan = (Map<String, Object>) gateEvidence.get(2);
        assertThat((String) scan.get("message"), containsString("accepted by alice until 2027-01-31"));
        assertThat(gateEvidence.toString(), not(containsString("cyclonedx")));

        List<Object> promoted =
                (List<Object>) details(outcome, EventTypes.PROMOTION_COMPLETED).get("evidence");
        assertEquals(
                List.of("tests", "sbom", "vulnerabilities", "metrics"),
                promoted.stream()
                        .map(e -> ((Map<String, Object>) e).get("kind"))
                        .toList());
    }

    @Test
    public void anExpiredExceptionNoLongerCounts() {
        PromotionOutcome outcome = promote(satisfiedEvidence("2026-12-06"), sources(passing(5)));

        assertEquals(PromotionOutcome.Status.REFUSED, outcome.status());
        String report = outcome.evaluation().report();
        assertThat(report, containsString("[FAIL] evidence: vulnerabilities"));
        assertThat(report, containsString("FF1001"));
    }

    @Test
    public void anEvidenceFileChangedAfterTheReleaseWasMadeIsNotBelieved() throws Exception {
        Files.writeString(dir.resolve("metrics.json"), "{\"p95LatencyMs\": 12}", StandardCharsets.UTF_8);

        PromotionOutcome outcome = promote(satisfiedEvidence("2027-01-31"), sources(passing(5)));

        assertEquals(PromotionOutcome.Status.REFUSED, outcome.status());
        assertThat(outcome.evaluation().report(), containsString("changed after the release was made"));
        assertFalse(Files.exists(repositoryRoot.resolve("hello-service")));
    }

    @Test
    public void tooFewTestsFailTheTestsEvidence() {
        PromotionOutcome outcome = promote(satisfiedEvidence("2027-01-31"), sources(passing(2)));

        assertEquals(PromotionOutcome.Status.REFUSED, outcome.status());
        assertEquals(1, outcome.evaluation().failures().size());
        assertThat(outcome.evaluation().failures().get(0).line(), containsString("tests"));
    }

    @Test
    public void aPendingExternalCheckWaitsAndIsAskedAgainAfterItsBackoffThenPasses() throws Exception {
        TestCertificate certificate = new TestCertificate();
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.server()));
        AtomicInteger calls = new AtomicInteger();
        ConcurrentLinkedQueue<String> bodies = new ConcurrentLinkedQueue<>();
        server.createContext("/change", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String answer = calls.incrementAndGet() == 1
                    ? "{\"status\":\"pending\",\"reason\":\"CAB meets at 10:30\"}"
                    : "{\"status\":\"pass\",\"reason\":\"CHG0042 approved\"}";
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            ExternalCheckClient client = new ExternalCheckClient(HttpClient.newBuilder()
                    .sslContext(certificate.client())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build());
            List<EvidenceRequirement> evidence = List.of(requirement(
                    EvidenceKind.EXTERNAL_CHECK,
                    settings(
                            "name",
                            "change-approval",
                            "endpoint",
                            "https://127.0.0.1:" + server.getAddress().getPort() + "/change")));
            EvidenceSources sources = new EvidenceSources(
                    content(), Optional.empty(), (settings, body) -> client.ask(settings, body, Optional.empty()));

            PromotionOutcome waiting = promote(evidence, sources);

            assertEquals(PromotionOutcome.Status.REFUSED, waiting.status());
            assertEquals(1, calls.get());
            assertEquals(
                    Optional.of(clock.instant().plus(Duration.ofSeconds(30))),
                    waiting.evaluation().waitingUntil());
            assertThat(waiting.evaluation().report(), containsString("waiting: externalCheck"));
            assertThat(waiting.evaluation().report(), containsString("CAB meets at 10:30"));

            promote(evidence, sources);
            assertEquals("asked again only once its wait is over", 1, calls.get());

            clock.advance(Duration.ofSeconds(30));
            PromotionOutcome passed = promote(evidence, sources);

            assertEquals(passed.reasons().toString(), PromotionOutcome.Status.COMPLETED, passed.status());
            assertEquals("one call per round, not one per evaluation", 2, calls.get());
            assertThat(bodies.peek(), containsString("\"release\":\"" + release.digest() + "\""));
            assertThat(bodies.peek(), not(containsString("the application")));
        } finally {
            server.stop(0);
        }
    }

    @Test
    public void anApproverSeesTheEvidenceVerdictsBeforeAnyPromotion() {
        Environment qa = Environment.builder("qa").evidence(strictEvidence()).build();
        PromotionService service =
                new PromotionService(new PromotionPolicy(List.of(qa)), PromotionFixtures.TIGHTENER, clock);

        EvidenceResults results = service.evidence("qa", release, PromotionFixtures.RUN, sources(passing(5)));

        assertEquals(4, results.records().size());
        assertThat(results.lines().get(0), containsString("[ok]   tests: 5 tests ran"));
        assertThat(
                results.lines().get(0),
                containsString("counted by the JUnit plugin on the agent, not bound to the release"));
        assertThat(results.lines().get(1), containsString("[FAIL] sbom: "));
        assertThat(results.lines().get(1), containsString("Remedy: "));
        assertEquals(EvidenceResults.NONE, service.evidence("nowhere", release, PromotionFixtures.RUN, sources(null)));
        Environment cab = Environment.builder("cab")
                .evidence(List.of(requirement(
                        EvidenceKind.EXTERNAL_CHECK, settings("name", "change", "endpoint", "https://cab.example/"))))
                .build();
        assertEquals(
                List.of("[wait] externalCheck: externalCheck[change] is asked when promoteArtifact runs, not before"),
                new PromotionService(new PromotionPolicy(List.of(cab)), PromotionFixtures.TIGHTENER, clock)
                        .evidence("cab", release, PromotionFixtures.RUN, sources(null))
                        .lines());
        assertFalse(Files.exists(repositoryRoot.resolve("hello-service")));
    }

    @Test
    public void anApprovedGatesPageSaysWhatThePromotionAfterItDid() throws Exception {
        try (AuditedRuns audit = new AuditedRuns(tmp.newFolder("home").toPath(), clock)) {
            Instant closed = clock.instant();
            assertThat(
                    PromotionAfterGate.of(audit.chain(PromotionFixtures.RUN).events(), "qa", closed),
                    containsString("No promotion to qa has been recorded in this run since the gate closed"));

            for (EventDraft draft : PromotionEvents.drafts(promote(strictEvidence(), sources(null)), "sam")) {
                audit.record(PromotionFixtures.RUN, draft);
            }
            String refused =
                    PromotionAfterGate.of(audit.chain(PromotionFixtures.RUN).events(), "qa", closed);
            assertThat(refused, containsString("Then promoteArtifact was refused at 2026-12-07T10:00:00Z: "));
            assertThat(refused, containsString("[FAIL] evidence: sbom"));

            clock.advance(Duration.ofMinutes(5));
            for (EventDraft draft :
                    PromotionEvents.drafts(promote(satisfiedEvidence("2027-01-31"), sources(passing(5))), "sam")) {
                audit.record(PromotionFixtures.RUN, draft);
            }
            assertEquals(
                    "Then promoteArtifact promoted hello-service 1.0.0 to qa at 2026-12-07T10:05:00Z.",
                    PromotionAfterGate.of(audit.chain(PromotionFixtures.RUN).events(), "qa", closed));
            assertThat(
                    PromotionAfterGate.of(audit.chain(PromotionFixtures.RUN).events(), "production", closed),
                    containsString("No promotion to production"));

            clock.advance(Duration.ofMinutes(5));
            audit.record(
                    PromotionFixtures.RUN,
                    EventDraft.of(EventTypes.PROMOTION_COMPLETED, "sam")
                            .withEnvironment("qa")
                            .withDetails(Map.of("application", "forged", "version", "9.9.9")));
            assertEquals(
                    "a record the one reader of promotion records refuses names no release",
                    "Then promoteArtifact promoted the release to qa at 2026-12-07T10:10:00Z.",
                    PromotionAfterGate.of(audit.chain(PromotionFixtures.RUN).events(), "qa", closed));
        }
    }

    @Test
    public void aDryRunWithoutTheReleasesBytesFailsFileEvidenceSayingWhy() {
        Environment qa = Environment.builder("qa").evidence(strictEvidence()).build();
        PromotionRequest request = new PromotionRequest(
                release, "", "qa", PromotionFixtures.RUN, "main", List.of(), List.of(), EnvironmentSnapshot.EMPTY);

        Evaluation evaluation = new PromotionService(
                        new PromotionPolicy(List.of(qa)), PromotionFixtures.TIGHTENER, clock)
                .evaluate(request, Inventory.empty());

        assertFalse(evaluation.passed());
        assertThat(evaluation.report(), containsString("the release's files were not read"));
    }
}
