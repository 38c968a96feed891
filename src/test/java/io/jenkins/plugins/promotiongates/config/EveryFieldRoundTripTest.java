package io.jenkins.plugins.promotiongates.config;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jenkins.plugins.promotiongates.core.policy.ApprovalRule;
import io.jenkins.plugins.promotiongates.core.policy.BreakGlass;
import io.jenkins.plugins.promotiongates.core.policy.CanonicalPolicyJson;
import io.jenkins.plugins.promotiongates.core.policy.EffectivePolicy;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.EvidenceRequirement;
import io.jenkins.plugins.promotiongates.core.policy.Freeze;
import io.jenkins.plugins.promotiongates.core.policy.GroupDirectory;
import io.jenkins.plugins.promotiongates.core.policy.IdNormalizer;
import io.jenkins.plugins.promotiongates.core.policy.PolicyJson;
import io.jenkins.plugins.promotiongates.core.policy.PolicyTightener;
import io.jenkins.plugins.promotiongates.core.policy.SignatureHash;
import io.jenkins.plugins.promotiongates.core.policy.SignatureRequirement;
import io.jenkins.plugins.promotiongates.core.policy.Tightening;
import io.jenkins.plugins.promotiongates.core.policy.WeeklyWindow;
import io.jenkins.plugins.promotiongates.core.sink.SinkBasics;
import io.jenkins.plugins.promotiongates.core.sink.SyslogSettings;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The global configuration with every field set ({@link EveryFieldConfiguration}), checked offline:
 * every field really has a value of its own and none its default, and the production environment goes
 * through the engine (settings, {@link Environment}, the policy's canonical JSON and back, as a gate stores
 * it) with every value arriving where it belongs. Twin of {@code EveryFieldConfigurationJenkinsTest}, which
 * sends the same configuration through the configuration page and the saved XML.
 */
public class EveryFieldRoundTripTest {

    @ClassRule
    public static final TemporaryFolder FOLDER = new TemporaryFolder();

    /**
     * Properties that keep their default, and why. {@code BreakGlassConfig.allowed}: {@code false} is shown
     * unticked and saved as no block at all ({@code BreakGlassConfigTest}).
     */
    private static final Set<String> KEEP_THEIR_DEFAULT = Set.of("BreakGlassConfig.allowed");

    /** Properties whose value names another field's value on purpose: production comes from staging. */
    private static final Set<String> REFERENCES = Set.of("EnvironmentConfig.promotedFrom");

    private static EveryFieldConfiguration configuration;

    @BeforeClass
    public static void build() throws Exception {
        configuration = EveryFieldConfiguration.create(FOLDER.getRoot().toPath());
    }

    @Test
    public void everyFieldHasAValueOfItsOwnAndNoneItsDefault() throws Exception {
        List<Object> objects = new ArrayList<>();
        collect(configuration.production(), objects);
        configuration.trustedKeys.forEach(key -> collect(key, objects));
        configuration.sinks.forEach(sink -> collect(sink, objects));

        Map<String, Boolean> changedSomewhere = new LinkedHashMap<>();
        Map<String, String> owners = new LinkedHashMap<>();
        owners.put(configuration.snapshotVariables, "PromotionGatesConfiguration.snapshotVariables");
        for (Object object : objects) {
            Object fresh = fresh(object.getClass());
            for (Method getter : getters(object.getClass())) {
                String property = object.getClass().getSimpleName() + "." + propertyName(getter);
                Object value = getter.invoke(object);
                if (isOptional(object.getClass(), getter)) {
                    boolean changed = !Objects.equals(value, getter.invoke(fresh));
                    changedSomewhere.merge(property, changed, Boolean::logicalOr);
                }
                if ((value instanceof String || value instanceof Integer)
                        && !value.toString().isEmpty()
                        && !REFERENCES.contains(property)) {
                    String previous = owners.putIfAbsent(value.toString(), property);
                    if (previous != null) {
                        fail(property + " has the value '" + value + "' that " + previous + " has too");
                    }
                }
            }
        }
        List<String> defaults = new ArrayList<>();
        changedSomewhere.forEach((property, changed) -> {
            if (!changed && !KEEP_THEIR_DEFAULT.contains(property)) {
                defaults.add(property);
            }
        });
        assertEquals("properties left at their default", List.of(), defaults);
        assertTrue(
                "the optional properties were found: " + changedSomewhere.keySet(),
                changedSomewhere
                        .keySet()
                        .containsAll(Set.of(
                                "EnvironmentConfig.soakTime",
                                "EnvironmentConfig.webhooks",
                                "SignaturePolicyConfig.minimumHash",
                                "AcceptedFindingConfig.fingerprint",
                                "ExternalCheckEvidenceConfig.giveUpAfter",
                                "HttpSinkConfig.includeExistingEntries",
                                "SyslogSinkConfig.tls")));
        assertFalse(PromotionGatesConfiguration.DEFAULT_SNAPSHOT_VARIABLES.equals(configuration.snapshotVariables));
        assertEquals(
                "every kind of configuration object is there",
                Set.of(
                        EnvironmentConfig.class,
                        ApprovalRuleConfig.class,
                        SignaturePolicyConfig.class,
                        ChangeWindowConfig.class,
                        FreezeConfig.class,
                        BreakGlassConfig.class,
                        WebhookConfig.class,
                        TestsEvidenceConfig.class,
                        SbomEvidenceConfig.class,
                        VulnerabilitiesEvidenceConfig.class,
                        AcceptedFindingConfig.class,
                        MetricsEvidenceConfig.class,
                        MetricBoundConfig.class,
                        ExternalCheckEvidenceConfig.class,
                        TrustedKeyEntry.class,
                        HttpSinkConfig.class,
                        SyslogSinkConfig.class),
                objects.stream().map(Object::getClass).collect(Collectors.toSet()));
    }

    @Test
    public void productionGoesThroughThePolicyJsonAndComesBackWhole() {
        Environment environment = configuration.production().toSettings().toEnvironment("environments[production]");
        EffectivePolicy policy = new PolicyTightener(IdNormalizer.caseInsensitive(), GroupDirectory.NONE)
                .effective(environment, Tightening.NONE);
        EffectivePolicy back = PolicyJson.read(policy.canonicalJson());
        assertEquals(policy, back);
        assertEquals(policy.canonicalJson(), back.canonicalJson());

        Environment read = back.environment();
        assertEquals("production", read.name());
        assertEquals(List.of("staging"), read.promotedFrom());
        ApprovalRule leads = read.approvalRules().get(0);
        assertEquals(1, read.approvalRules().size());
        assertEquals("leads", leads.name());
        assertEquals(List.of("alice", "bob"), List.copyOf(leads.users()));
        assertEquals(List.of("release-managers"), List.copyOf(leads.groups()));
        assertEquals(2, leads.count());
        assertTrue(leads.commentRequired());
        assertFalse(read.starterMayNotApprove());
        assertFalse(read.changeAuthorsMayNotApprove());
        assertFalse(read.onePersonOneRule());
        assertEquals(Duration.ofHours(36), read.approvalValidity());
        assertEquals(Duration.ofDays(3), read.gateTimeout());
        assertEquals(
                new SignatureRequirement(Set.of("release-team", "ops-team"), 4096, SignatureHash.SHA384),
                read.signature());
        assertEquals(List.of("main", "release/**"), read.allowedBranches());
        assertEquals(ZoneId.of("Europe/Paris"), read.timeZone());
        assertEquals(
                List.of(new WeeklyWindow(
                        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.THURSDAY),
                        LocalTime.of(9, 30),
                        LocalTime.of(16, 45))),
                read.changeWindows());
        assertEquals(
                List.of(new Freeze(
                        Instant.parse("2025-12-20T00:00:00Z"),
                        Instant.parse("2026-01-05T00:00:00Z"),
                        "year-end freeze")),
                read.freezes());
        assertEquals(Duration.ofHours(12), read.soakTime());
        assertEquals("file:/srv/releases/production", read.repository());
        assertEquals(new BreakGlass(true, Set.of("oncall-lead")), read.breakGlass());
        assertEquals(Integer.valueOf(1), read.rollbackApprovals());
        List<String> evidence = read.evidence().stream()
                .map(EvidenceRequirement::tree)
                .map(CanonicalPolicyJson::write)
                .toList();
        assertEquals(
                List.of(
                        "{\"files\":\"surefire-reports.xml\",\"kind\":\"tests\",\"minimumTests\":250}",
                        "{\"allowUnlicensed\":true,\"allowedLicences\":\"Apache-2.0, MIT\",\"files\":\"bom.json\","
                                + "\"kind\":\"sbom\",\"requireSubjectDigest\":true}",
                        "{\"exceptions\":[{\"acceptedBy\":\"carol\",\"fingerprint\":\"9a3c0f17e2\","
                                + "\"location\":\"src/parser.c:42\",\"reason\":\"not reachable, the parser is unused\","
                                + "\"ruleId\":\"CVE-2024-1234\",\"until\":\"2027-03-31\"}],\"failOnLevel\":\"warning\","
                                + "\"failOnSecuritySeverity\":\"high\",\"files\":\"scan.sarif\",\"kind\":\"vulnerabilities\"}",
                        "{\"bounds\":[{\"max\":\"300\",\"min\":\"5\",\"name\":\"p95LatencyMs\"}],\"files\":\"metrics.json\","
                                + "\"kind\":\"metrics\"}",
                        "{\"credentialsId\":\"cab-token\",\"endpoint\":\"https://cab.example.com/api/promotion-checks\","
                                + "\"giveUpAfter\":\"4h\",\"kind\":\"externalCheck\",\"name\":\"change-approval\","
                                + "\"timeout\":\"30s\"}"),
                evidence);
    }

    @Test
    public void whatIsNotPolicyReachesItsReaderAsConfigured() {
        EnvironmentConfig production = configuration.production();
        assertEquals(Duration.ofHours(2), EnvironmentNotifications.reminderBefore(production));
        assertEquals(
                "https://hooks.example.com/promotions",
                EnvironmentNotifications.webhooks(production).get(0).destination());
        assertEquals("webhook-secret", production.getWebhooks().get(0).getCredentialsId());
        assertEquals("production-repository", production.getRepositoryCredentialsId());
        assertEquals("release-team", configuration.trustedKeys.get(0).getName());
        assertEquals("release-team-key", configuration.trustedKeys.get(0).getCredentialsId());
        assertEquals("ops-team", configuration.trustedKeys.get(1).getName());
        assertEquals("ops-team-key", configuration.trustedKeys.get(1).getCredentialsId());
        assertEquals(
                new SyslogSettings(
                        new SinkBasics("siem", 48, true),
                        "logs.example.com",
                        10514,
                        true,
                        configuration.syslogCa,
                        20, // local4
                        "promotions",
                        "jenkins-primary"),
                configuration.sinks.get(1).toSettings("controller.example.com"));
        assertEquals(
                new SyslogSettings(
                        new SinkBasics("audit-relay", 8, false),
                        "relay.example.com",
                        514,
                        false,
                        "",
                        13, // audit
                        "gates-relay",
                        "jenkins-secondary"),
                configuration.sinks.get(2).toSettings("controller.example.com"));
        HttpSinkConfig splunk = (HttpSinkConfig) configuration.sinks.get(0);
        // Its settings resolve the token credential in Jenkins: EveryFieldConfigurationJenkinsTest.
        assertEquals("splunk", splunk.getName());
        assertEquals("https://splunk.example.com:8088/services/collector/raw", splunk.getUrl());
        assertEquals("hec-token", splunk.getCredentialsId());
        assertEquals("X-Splunk-Request", splunk.getHeaderName());
        assertEquals("Splunk", splunk.getAuthScheme());
        assertEquals(configuration.httpCa, splunk.getCaCertificate());
        assertEquals(16, splunk.getMaxQueueMegabytes());
        assertTrue(splunk.isIncludeExistingEntries());
    }

    /** The object and every configuration object it holds, through its getters. */
    private static void collect(Object object, List<Object> into) {
        for (Object seen : into) {
            if (seen == object) {
                return;
            }
        }
        into.add(object);
        try {
            for (Method getter : getters(object.getClass())) {
                Object value = getter.invoke(object);
                if (value instanceof List<?> list) {
                    list.forEach(item -> collect(item, into));
                } else if (value != null && isConfigurationObject(value.getClass())) {
                    collect(value, into);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean isConfigurationObject(Class<?> type) {
        return type.getPackageName().equals(EnvironmentConfig.class.getPackageName());
    }

    /** The public property getters of a configuration class, its own and inherited, without the descriptor. */
    private static List<Method> getters(Class<?> type) {
        Map<String, Method> getters = new LinkedHashMap<>();
        for (Method method : type.getMethods()) {
            String name = method.getName();
            boolean getter = (name.startsWith("get") && name.length() > 3)
                    || (name.startsWith("is") && name.length() > 2 && method.getReturnType() == boolean.class);
            if (getter
                    && method.getParameterCount() == 0
                    && !Modifier.isStatic(method.getModifiers())
                    && isConfigurationObject(method.getDeclaringClass())
                    && !name.equals("getDescriptor")) {
                getters.put(name, method);
            }
        }
        return new ArrayList<>(getters.values());
    }

    private static String propertyName(Method getter) {
        String name = getter.getName().substring(getter.getName().startsWith("is") ? 2 : 3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** Whether the property has a {@code @DataBoundSetter}, so a default the administrator may leave. */
    private static boolean isOptional(Class<?> type, Method getter) {
        String setter = "set" + getter.getName().substring(getter.getName().startsWith("is") ? 2 : 3);
        for (Method method : type.getMethods()) {
            if (method.getName().equals(setter) && method.isAnnotationPresent(DataBoundSetter.class)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A new instance with placeholder required arguments: its optional properties then have their
     * defaults, which never depend on the required ones.
     */
    private static Object fresh(Class<?> type) throws ReflectiveOperationException {
        Constructor<?> constructor = type.getConstructors()[0];
        for (Constructor<?> candidate : type.getConstructors()) {
            if (candidate.isAnnotationPresent(org.kohsuke.stapler.DataBoundConstructor.class)) {
                constructor = candidate;
            }
        }
        Object[] arguments = new Object[constructor.getParameterCount()];
        Class<?>[] types = constructor.getParameterTypes();
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = types[i] == int.class ? 0 : types[i] == boolean.class ? false : "placeholder";
        }
        return constructor.newInstance(arguments);
    }
}
