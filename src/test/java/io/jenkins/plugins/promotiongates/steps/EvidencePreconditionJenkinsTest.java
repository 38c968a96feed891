package io.jenkins.plugins.promotiongates.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import hudson.model.Label;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.promotiongates.config.EnvironmentConfig;
import io.jenkins.plugins.promotiongates.config.ExternalCheckEvidenceConfig;
import io.jenkins.plugins.promotiongates.config.PromotionGatesConfiguration;
import io.jenkins.plugins.promotiongates.config.SbomEvidenceConfig;
import io.jenkins.plugins.promotiongates.config.TestsEvidenceConfig;
import io.jenkins.plugins.promotiongates.core.audit.AuditEvent;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import io.jenkins.plugins.promotiongates.core.evidence.external.TestCertificate;
import io.jenkins.plugins.promotiongates.ledger.RunAudit;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The evidence precondition on a real agent: the build writes a CycloneDX SBOM (from cyclonedx-maven-plugin) and a
 * Surefire report there, records the report with the JUnit plugin's {@code junit} step and archives the
 * release; {@code promoteArtifact archived:} runs outside {@code node}, so the controller reads the SBOM
 * from the run's artifacts, and the tests evidence reads the run's recorded results. Engine twin: {@code
 * EvidencePromotionFlowTest}.
 */
public class EvidencePreconditionJenkinsTest {

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path releases;
    private String agent;

    @Before
    public void setUp() throws Exception {
        releases = folder.newFolder("releases").toPath();
        agent = j.createOnlineSlave(Label.get("evidence")).getNodeName();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = EvidencePreconditionJenkinsTest.class.getResourceAsStream(
                "/io/jenkins/plugins/promotiongates/core/evidence/" + name)) {
            return in.readAllBytes();
        }
    }

    private void requireEvidence(String allowedLicences) {
        EnvironmentConfig qa = new EnvironmentConfig("qa");
        qa.setRepository("file:" + releases);
        TestsEvidenceConfig tests = new TestsEvidenceConfig();
        tests.setMinimumTests(3);
        SbomEvidenceConfig sbom = new SbomEvidenceConfig("bom.json");
        sbom.setAllowedLicences(allowedLicences);
        qa.setEvidence(List.of(tests, sbom));
        PromotionGatesConfiguration.get().setEnvironments(List.of(qa));
    }

    private WorkflowRun build(Result expected) throws Exception {
        String bom = Base64.getEncoder().encodeToString(resource("cyclonedx-maven-1.6.json"));
        String report = Base64.getEncoder().encodeToString(resource("surefire-passing.xml"));
        WorkflowJob job = j.createProject(WorkflowJob.class, "hello-service");
        job.setDefinition(new CpsFlowDefinition("""
                node('%s') {
                  writeFile file: 'dist/app.jar', text: 'the application'
                  writeFile file: 'dist/bom.json', text: '%s', encoding: 'Base64'
                  writeFile file: 'reports/TEST-hello.xml', text: '%s', encoding: 'Base64'
                  junit 'reports/TEST-hello.xml'
                  archiveArtifacts 'dist/*'
                }
                def result = promoteArtifact archived: 'dist/*', to: 'qa', version: '1.0.0'
                echo "promoted ${result.status}"
                """.formatted(agent, bom, report), true));
        return j.buildAndAssertStatus(expected, job);
    }

    @Test
    public void aLicenceOutsideTheAllowListRefusesThePromotionAndNamesItWithTheRemedy() throws Exception {
        requireEvidence("Apache-2.0, EPL-1.0");

        WorkflowRun run = build(Result.FAILURE);

        j.assertLogContains("[ok]   evidence: tests", run);
        j.assertLogContains("[FAIL] evidence: sbom: the SBOM 'bom.json' does not meet the policy", run);
        j.assertLogContains("BSD-3-Clause", run);
        j.assertLogContains("Remedy: replace the component, or add its licence to sbom.allowedLicences", run);
        assertFalse(Files.exists(releases.resolve("hello-service")));
        JsonNode failed = event(run, EventTypes.GATE_FAILED).get("details").get("evidence");
        assertEquals("failed", failed.get(1).get("outcome").asText());
    }

    @Test
    public void satisfiedEvidencePromotesAndTheAuditNamesTheSbomByTheDigestTheControllerComputed() throws Exception {
        requireEvidence("Apache-2.0, EPL-1.0, BSD-3-Clause");

        WorkflowRun run = build(Result.SUCCESS);

        j.assertLogContains("promoted COMPLETED", run);
        Path stored = releases.resolve("hello-service/1.0.0/bom.json");
        assertTrue(Files.isRegularFile(stored));
        String digest = "sha256:"
                + HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(resource("cyclonedx-maven-1.6.json")));
        JsonNode evidence = event(run, EventTypes.GATE_PASSED).get("details").get("evidence");
        assertEquals("tests", evidence.get(0).get("kind").asText());
        assertEquals(0, evidence.get(0).get("files").size());
        assertEquals(digest, evidence.get(1).get("files").get(0).get("digest").asText());
        JsonNode promoted =
                event(run, EventTypes.PROMOTION_COMPLETED).get("details").get("evidence");
        assertEquals(2, promoted.size());
    }

    /**
     * An external check answered by a real HTTPS server on 127.0.0.1 (trusted through the JVM's default
     * SSL context, as the controller's trust store would be): pending first, so the step waits its backoff
     * (30 s) and asks again, then pass; the bearer token comes from the global Secret text credential and
     * appears in neither the log nor the audit.
     */
    @Test
    public void aPendingExternalCheckKeepsTheStepWaitingUntilItPasses() throws Exception {
        TestCertificate certificate = new TestCertificate();
        SSLContext previous = SSLContext.getDefault();
        SSLContext.setDefault(certificate.client());
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.server()));
        AtomicInteger calls = new AtomicInteger();
        List<String> tokens = new CopyOnWriteArrayList<>();
        server.createContext("/change", exchange -> {
            tokens.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] answer = (calls.incrementAndGet() == 1
                            ? "{\"status\":\"pending\",\"reason\":\"CAB meets soon\"}"
                            : "{\"status\":\"pass\",\"reason\":\"CHG0042 approved\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        try {
            CredentialsProvider.lookupStores(j.jenkins)
                    .iterator()
                    .next()
                    .addCredentials(
                            Domain.global(),
                            new StringCredentialsImpl(
                                    CredentialsScope.GLOBAL, "cab-token", "CAB", Secret.fromString("cab-s3cret")));
            EnvironmentConfig qa = new EnvironmentConfig("qa");
            qa.setRepository("file:" + releases);
            ExternalCheckEvidenceConfig check = new ExternalCheckEvidenceConfig(
                    "change-approval",
                    "https://127.0.0.1:" + server.getAddress().getPort() + "/change");
            check.setCredentialsId("cab-token");
            qa.setEvidence(List.of(check));
            PromotionGatesConfiguration.get().setEnvironments(List.of(qa));
            WorkflowJob job = j.createProject(WorkflowJob.class, "hello-service");
            job.setDefinition(new CpsFlowDefinition("""
                    node('%s') {
                      writeFile file: 'dist/app.jar', text: 'the application'
                      archiveArtifacts 'dist/*'
                    }
                    promoteArtifact archived: 'dist/*', to: 'qa', version: '1.0.0'
                    """.formatted(agent), true));

            WorkflowRun run = j.buildAndAssertSuccess(job);

            assertEquals(2, calls.get());
            assertEquals(List.of("Bearer cab-s3cret", "Bearer cab-s3cret"), tokens);
            j.assertLogContains("promoteArtifact: waiting, asking again at", run);
            j.assertLogContains("CAB meets soon", run);
            j.assertLogContains("[ok]   evidence: externalCheck", run);
            j.assertLogNotContains("cab-s3cret", run);
            assertFalse(new String(RunAudit.bundle(run), StandardCharsets.UTF_8).contains("cab-s3cret"));
        } finally {
            server.stop(0);
            SSLContext.setDefault(previous);
        }
    }

    private static AuditEvent event(WorkflowRun run, String type) throws IOException {
        return RunAudit.chain(run).events().stream()
                .filter(event -> event.type().equals(type))
                .findFirst()
                .orElseThrow();
    }
}
