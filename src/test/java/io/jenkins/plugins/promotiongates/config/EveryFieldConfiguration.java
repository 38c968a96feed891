package io.jenkins.plugins.promotiongates.config;

import io.jenkins.plugins.promotiongates.core.signature.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A global configuration in which every field has a value of its own and none has its default (but
 * break-glass's {@code allowed}, whose {@code false} is saved as no block at all): the
 * production environment with every setting and every kind of evidence, two trusted keys, the snapshot
 * variables, an HTTP and a syslog sink, each with its own CA certificate (made by the real openssl), and a
 * syslog sink without TLS.
 * The round-trip tests build it, send it through a form, XML or the engine's policy JSON, and compare
 * every field with it. Staging is there only as production's predecessor and keeps its defaults.
 */
final class EveryFieldConfiguration {

    final List<EnvironmentConfig> environments;
    final List<TrustedKeyEntry> trustedKeys;
    final String snapshotVariables;
    final List<SinkConfig> sinks;
    final String httpCa;
    final String syslogCa;

    private EveryFieldConfiguration(String httpCa, String syslogCa) {
        this.httpCa = httpCa;
        this.syslogCa = syslogCa;
        this.environments = List.of(new EnvironmentConfig("staging"), newProduction());
        this.trustedKeys = List.of(
                new TrustedKeyEntry("release-team", "release-team-key"),
                new TrustedKeyEntry("ops-team", "ops-team-key"));
        this.snapshotVariables = "GIT_COMMIT, RELEASE_*";
        this.sinks = List.of(httpSink(), syslogSink(), plainSyslogSink());
    }

    /** The configuration, with CA certificates made in {@code directory}. */
    static EveryFieldConfiguration create(Path directory) throws Exception {
        return new EveryFieldConfiguration(certificate(directory, "http-ca"), certificate(directory, "syslog-ca"));
    }

    /** The environment whose every field is set. */
    EnvironmentConfig production() {
        return environments.get(1);
    }

    private static EnvironmentConfig newProduction() {
        EnvironmentConfig production = new EnvironmentConfig("production");
        production.setPromotedFrom("staging");
        ApprovalRuleConfig leads = new ApprovalRuleConfig();
        leads.setName("leads");
        leads.setUsers("alice, bob");
        leads.setGroups("release-managers");
        leads.setCount(2);
        leads.setCommentRequired(true);
        production.setApprovalRules(List.of(leads));
        production.setStarterMayNotApprove(false);
        production.setChangeAuthorsMayNotApprove(false);
        production.setOnePersonOneRule(false);
        production.setApprovalValidity("36h");
        production.setGateTimeout("3d");
        SignaturePolicyConfig signature = new SignaturePolicyConfig("release-team, ops-team");
        signature.setMinimumRsaBits(4096);
        signature.setMinimumHash("sha384");
        production.setSignature(signature);
        production.setAllowedBranches("main, release/**");
        production.setTimeZone("Europe/Paris");
        production.setChangeWindows(List.of(new ChangeWindowConfig("MON-THU", "09:30", "16:45")));
        FreezeConfig freeze = new FreezeConfig("2025-12-20T00:00:00Z", "2026-01-05T00:00:00Z");
        freeze.setReason("year-end freeze");
        production.setFreezes(List.of(freeze));
        production.setSoakTime("12h");
        production.setRepository("file:/srv/releases/production");
        production.setRepositoryCredentialsId("production-repository");
        BreakGlassConfig breakGlass = new BreakGlassConfig();
        breakGlass.setUsers("oncall-lead");
        production.setBreakGlass(breakGlass);
        production.setRollbackApprovals("1");
        production.setReminderBefore("2h");
        WebhookConfig webhook = new WebhookConfig("https://hooks.example.com/promotions");
        webhook.setCredentialsId("webhook-secret");
        production.setWebhooks(List.of(webhook));
        production.setEvidence(List.of(tests(), sbom(), vulnerabilities(), metrics(), externalCheck()));
        return production;
    }

    private static EvidenceConfig tests() {
        TestsEvidenceConfig tests = new TestsEvidenceConfig();
        tests.setFiles("surefire-reports.xml");
        tests.setMinimumTests(250);
        return tests;
    }

    private static EvidenceConfig sbom() {
        SbomEvidenceConfig sbom = new SbomEvidenceConfig("bom.json");
        sbom.setAllowedLicences("Apache-2.0, MIT");
        sbom.setAllowUnlicensed(true);
        sbom.setRequireSubjectDigest(true);
        return sbom;
    }

    private static EvidenceConfig vulnerabilities() {
        VulnerabilitiesEvidenceConfig vulnerabilities = new VulnerabilitiesEvidenceConfig("scan.sarif");
        vulnerabilities.setFailOnLevel("warning");
        vulnerabilities.setFailOnSecuritySeverity("high");
        AcceptedFindingConfig accepted = new AcceptedFindingConfig(
                "CVE-2024-1234", "2027-03-31", "carol", "not reachable, the parser is unused");
        accepted.setLocation("src/parser.c:42");
        accepted.setFingerprint("9a3c0f17e2");
        vulnerabilities.setExceptions(List.of(accepted));
        return vulnerabilities;
    }

    private static EvidenceConfig metrics() {
        MetricsEvidenceConfig metrics = new MetricsEvidenceConfig("metrics.json");
        MetricBoundConfig latency = new MetricBoundConfig("p95LatencyMs");
        latency.setMin("5");
        latency.setMax("300");
        metrics.setBounds(List.of(latency));
        return metrics;
    }

    private static EvidenceConfig externalCheck() {
        ExternalCheckEvidenceConfig check =
                new ExternalCheckEvidenceConfig("change-approval", "https://cab.example.com/api/promotion-checks");
        check.setCredentialsId("cab-token");
        check.setTimeout("30s");
        check.setGiveUpAfter("4h");
        return check;
    }

    private SinkConfig httpSink() {
        HttpSinkConfig http = new HttpSinkConfig("splunk", "https://splunk.example.com:8088/services/collector/raw");
        http.setCredentialsId("hec-token");
        http.setHeaderName("X-Splunk-Request");
        http.setAuthScheme("Splunk");
        http.setCaCertificate(httpCa);
        http.setMaxQueueMegabytes(16);
        http.setIncludeExistingEntries(true);
        return http;
    }

    private SinkConfig syslogSink() {
        SyslogSinkConfig syslog = new SyslogSinkConfig("siem", "logs.example.com");
        syslog.setPort(10514);
        syslog.setCaCertificate(syslogCa);
        syslog.setFacility("local4");
        syslog.setAppName("promotions");
        syslog.setHostname("jenkins-primary");
        syslog.setMaxQueueMegabytes(48);
        syslog.setIncludeExistingEntries(true);
        return syslog;
    }

    /** TLS off: a CA certificate needs TLS, so the one syslog sink cannot have both away from their defaults. */
    private static SinkConfig plainSyslogSink() {
        SyslogSinkConfig relay = new SyslogSinkConfig("audit-relay", "relay.example.com");
        relay.setPort(514);
        relay.setTls(false);
        relay.setFacility("audit");
        relay.setAppName("gates-relay");
        relay.setHostname("jenkins-secondary");
        relay.setMaxQueueMegabytes(8);
        return relay;
    }

    private static String certificate(Path directory, String name) throws Exception {
        ExternalTool.sh(
                directory,
                "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout " + name + ".key -out "
                        + name + ".pem -days 2 -subj '/CN=" + name + "' 2>/dev/null");
        return Files.readString(directory.resolve(name + ".pem")).trim();
    }
}
