package io.jenkins.plugins.promotiongates.docs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import hudson.model.Describable;
import io.jenkins.plugins.promotiongates.config.EnvironmentConfig;
import io.jenkins.plugins.promotiongates.config.PromotionGatesConfiguration;
import io.jenkins.plugins.promotiongates.config.SignaturePolicyConfig;
import io.jenkins.plugins.promotiongates.config.SinkConfig;
import io.jenkins.plugins.promotiongates.config.TrustedKeyEntry;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.PromotionPolicy;
import io.jenkins.plugins.promotiongates.core.sink.InvalidSinkException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.junit.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Configuration-as-Code YAML in README.md, docs/ and docs/examples/ configures Promotion Gates
 * with keys that exist: every key under {@code security.promotionGates} is a
 * {@code @DataBoundConstructor} parameter or {@code @DataBoundSetter} of the configuration class it
 * lands on, with a value of the right shape, as Configuration as Code binds it. The environments are
 * then built from the YAML and validated by the engine, as saving them in Jenkins would, and every
 * trusted key a policy names is configured.
 */
public class JenkinsCascExamplesTest {

    private static final List<String> FILES =
            List.of("docs/examples/promotion-gates.yaml", "docs/examples/try-it.yaml");

    @Test
    public void everyDocumentedConfigurationBindsAndValidates() throws Exception {
        List<String> problems = new ArrayList<>();
        int configurations = 0;
        Map<String, String> documents = new LinkedHashMap<>();
        for (Sources.Block block : Sources.blocks("yaml")) {
            if (block.text().contains("promotionGates:")) {
                documents.put(block.toString(), block.text());
            }
        }
        for (String file : FILES) {
            documents.put(file, Sources.read(file));
        }
        for (Map.Entry<String, String> document : documents.entrySet()) {
            Map<?, ?> yaml = new Yaml().load(document.getValue());
            Object security = yaml.get("security");
            Object gates = security instanceof Map<?, ?> map ? map.get("promotionGates") : null;
            if (!(gates instanceof Map<?, ?> configuration)) {
                problems.add(document.getKey() + ": no security.promotionGates");
                continue;
            }
            configurations++;
            problems.addAll(check(document.getKey(), configuration));
        }
        assertEquals("documented configurations Configuration as Code would refuse", List.of(), problems);
        assertTrue("found the documented configurations: " + documents.keySet(), configurations >= 4);
    }

    /** The check itself refuses what Configuration as Code or the engine refuses. */
    @Test
    public void unknownKeysWrongShapesAndInvalidPolicesAreRefused() throws Exception {
        Map<?, ?> yaml = new Yaml()
                .load("trustedKeys:\n- name: a\n  credentialsId: c\n  fingerprint: x\n"
                        + "environments:\n- name: production\n  approvals: 2\n  signature: release\n"
                        + "  approvalRules:\n  - name: leads\n    users: ann\n    count: two\n"
                        + "- name: staging\n  promotedFrom: nowhere\n  signature:\n    trustedKeys: b\n");
        List<String> problems = check("here", yaml);
        assertEquals(
                List.of(
                        "here: trustedKeys[0].fingerprint is not a property of TrustedKeyEntry; it has [name, credentialsId]",
                        "here: environments[0].approvals is not a property of EnvironmentConfig; it has "
                                + DataBoundModel.of(EnvironmentConfig.class)
                                        .properties
                                        .keySet(),
                        "here: environments[0].signature expects the properties of SignaturePolicyConfig, not 'release'",
                        "here: environments[0].approvalRules[0].count expects int, not 'two'"),
                problems);
        Map<?, ?> invalid = new Yaml()
                .load("environments:\n- name: staging\n  promotedFrom: nowhere\n  signature:\n    trustedKeys: b\n");
        List<String> refused = check("there", invalid);
        assertEquals(refused.toString(), 2, refused.size());
        assertTrue(refused.get(0), refused.get(0).contains("nowhere"));
        assertEquals(
                "there: environments[staging].signature.trustedKeys names b, which is not a configured trusted key",
                refused.get(1));
    }

    /** Sinks bind by their symbol, and the engine validates what they hold. */
    @Test
    public void sinksBindByTheirSymbolAndTheEngineRefusesWhatCannotBeUsed() throws Exception {
        Map<?, ?> yaml = new Yaml()
                .load("sinks:\n- syslog:\n    name: siem\n    host: logs.example.com\n    colour: red\n"
                        + "- kafka:\n    name: k\n- httpJsonLines:\n    name: splunk\n");
        assertEquals(
                List.of(
                        "here: sinks[0].colour is not a property of SyslogSinkConfig; it has "
                                + DataBoundModel.of(io.jenkins.plugins.promotiongates.config.SyslogSinkConfig.class)
                                        .properties
                                        .keySet(),
                        "here: sinks[1].kafka is not one of [httpJsonLines, syslog]",
                        "here: sinks[2] needs url"),
                check("here", yaml));
        Map<?, ?> invalid = new Yaml()
                .load("sinks:\n- syslog:\n    name: siem\n    host: logs.example.com\n    port: 70000\n"
                        + "- httpJsonLines:\n    name: splunk\n    url: http://splunk.example.com/raw\n"
                        + "    credentialsId: hec\n");
        List<String> refused = check("there", invalid);
        assertEquals(refused.toString(), 2, refused.size());
        assertTrue(refused.get(0), refused.get(0).startsWith("there: sinks[siem].port: 70000 is not a TCP port"));
        assertTrue(refused.get(1), refused.get(1).contains("sinks[splunk].credentialsId: a credential would be sent"));
    }

    /** Evidence binds by its symbol, lists inside it bind too, and the engine validates every setting. */
    @Test
    public void evidenceBindsByItsSymbolAndTheEngineRefusesWhatCannotBeUsed() throws Exception {
        Map<?, ?> yaml = new Yaml()
                .load("environments:\n- name: production\n  evidence:\n  - sbom:\n      files: bom.json\n"
                        + "      licences: MIT\n  - coverage:\n      min: 80\n");
        List<String> problems = check("here", yaml);
        assertEquals(problems.toString(), 2, problems.size());
        assertTrue(problems.get(0), problems.get(0).startsWith("here: environments[0].evidence[0].licences is not a"));
        assertTrue(
                problems.get(1),
                problems.get(1)
                        .contains("coverage is not one of [externalCheck, metrics, sbom, tests, vulnerabilities]"));
        Map<?, ?> invalid = new Yaml()
                .load("environments:\n- name: production\n  evidence:\n  - sbom:\n      files: bom.json\n"
                        + "  - vulnerabilities:\n      files: scan.sarif\n      exceptions:\n"
                        + "      - ruleId: CVE-1\n        until: soon\n        acceptedBy: alice\n        reason: r\n");
        List<String> refused = check("there", invalid);
        assertEquals(refused.toString(), 1, refused.size());
        assertTrue(
                refused.get(0),
                refused.get(0).contains("environments[production].evidence[sbom]: sbom.allowedLicences is empty"));
        assertTrue(
                refused.get(0),
                refused.get(0)
                        .contains("evidence[vulnerabilities]: vulnerabilities.exceptions: until 'soon' is not a date"));
    }

    private static List<String> check(String where, Map<?, ?> configuration) throws Exception {
        List<String> problems = new ArrayList<>();
        Object bound = bind(where + ": ", PromotionGatesConfiguration.class, configuration, problems);
        if (!problems.isEmpty() || !(bound instanceof Map<?, ?> bindings)) {
            return problems;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = (Map<String, Object>) bindings;
        @SuppressWarnings("unchecked")
        List<EnvironmentConfig> environments =
                (List<EnvironmentConfig>) properties.getOrDefault("environments", List.of());
        @SuppressWarnings("unchecked")
        List<TrustedKeyEntry> keys = (List<TrustedKeyEntry>) properties.getOrDefault("trustedKeys", List.of());
        List<Environment> parsed = new ArrayList<>();
        try {
            for (EnvironmentConfig environment : environments) {
                parsed.add(environment.toSettings().toEnvironment("environments[" + environment.getName() + "]"));
            }
            new PromotionPolicy(parsed).requireValid();
        } catch (RuntimeException e) {
            problems.add(where + ": " + e.getMessage());
        }
        @SuppressWarnings("unchecked")
        List<SinkConfig> sinks = (List<SinkConfig>) properties.getOrDefault("sinks", List.of());
        for (SinkConfig sink : sinks) {
            try {
                sink.toSettings("jenkins.example.com");
            } catch (InvalidSinkException e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
        Set<String> keyNames = new HashSet<>();
        keys.forEach(key -> keyNames.add(key.getName()));
        for (EnvironmentConfig environment : environments) {
            SignaturePolicyConfig signature = environment.getSignature();
            if (signature == null) {
                continue;
            }
            for (String name : signature.getTrustedKeys().split(",")) {
                if (!keyNames.contains(name.trim())) {
                    problems.add(where + ": environments[" + environment.getName() + "].signature.trustedKeys names "
                            + name.trim() + ", which is not a configured trusted key");
                }
            }
        }
        return problems;
    }

    /**
     * Binds {@code yaml} to {@code type} as Configuration as Code would: a map of properties for a
     * data-bound class (or the element's {@code @Symbol} wrapping them), a list for a list, a scalar
     * for a String, int or boolean. Returns the object built, or for the GlobalConfiguration, which
     * needs a controller, its properties.
     */
    private static Object bind(String path, Type type, Object yaml, List<String> problems) throws Exception {
        Class<?> raw = DataBoundModel.raw(type);
        if (List.class.isAssignableFrom(raw)) {
            List<?> items = yaml instanceof List<?> list ? list : List.of(yaml);
            List<Object> bound = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                bound.add(bind(path + "[" + i + "]", DataBoundModel.element(type), items.get(i), problems));
            }
            return bound;
        }
        if (Describable.class.isAssignableFrom(raw) && Modifier.isAbstract(raw.getModifiers())) {
            return bindOneOf(path, raw, yaml, problems);
        }
        if (Describable.class.isAssignableFrom(raw) || raw == PromotionGatesConfiguration.class) {
            return bindDescribable(path, raw, yaml, problems);
        }
        String text = String.valueOf(yaml);
        if (yaml instanceof Map || yaml instanceof List) {
            problems.add(path + " expects a " + raw.getSimpleName() + ", not " + yaml);
            return null;
        }
        if (raw == int.class || raw == Integer.class) {
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                problems.add(path + " expects " + raw.getSimpleName() + ", not '" + text + "'");
                return null;
            }
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                problems.add(path + " expects a boolean, not '" + text + "'");
                return null;
            }
            return Boolean.valueOf(text);
        }
        return text;
    }

    private static Object bindDescribable(String path, Class<?> type, Object yaml, List<String> problems)
            throws Exception {
        DataBoundModel model = DataBoundModel.of(type);
        Symbol symbol = descriptorSymbol(type);
        if (yaml instanceof Map<?, ?> wrapped
                && wrapped.size() == 1
                && symbol != null
                && List.of(symbol.value())
                        .contains(String.valueOf(wrapped.keySet().iterator().next()))) {
            yaml = wrapped.values().iterator().next();
        }
        if (!(yaml instanceof Map<?, ?> map)) {
            problems.add(path + " expects the properties of " + type.getSimpleName() + ", not '" + yaml + "'");
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        int before = problems.size();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Type propertyType = model.properties.get(key);
            String at = (path.endsWith(": ") ? path : path + ".") + key;
            if (propertyType == null) {
                problems.add(
                        at + " is not a property of " + type.getSimpleName() + "; it has " + model.properties.keySet());
                continue;
            }
            values.put(key, bind(at, propertyType, entry.getValue(), problems));
        }
        for (String required : model.required) {
            if (!values.containsKey(required)) {
                problems.add(path + " needs " + required);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        if (model.constructor == null) {
            return values;
        }
        Object[] arguments = model.required.stream().map(values::get).toArray();
        Object object = model.constructor.newInstance(arguments);
        for (Map.Entry<String, Object> value : values.entrySet()) {
            if (!model.required.contains(value.getKey())) {
                model.setter(value.getKey()).invoke(object, value.getValue());
            }
        }
        return object;
    }

    /**
     * Binds an element of a list of several kinds (the sinks), as Configuration as Code does: a map with
     * one key, the {@code @Symbol} of one of the kinds, holding that kind's properties.
     */
    private static Object bindOneOf(String path, Class<?> base, Object yaml, List<String> problems) throws Exception {
        List<Class<?>> kinds = DataBoundModel.subtypes(base);
        List<String> symbols = new ArrayList<>();
        for (Class<?> kind : kinds) {
            symbols.addAll(List.of(descriptorSymbol(kind).value()));
        }
        if (!(yaml instanceof Map<?, ?> wrapped) || wrapped.size() != 1) {
            problems.add(path + " expects one of " + symbols + " with its properties, not '" + yaml + "'");
            return null;
        }
        String key = String.valueOf(wrapped.keySet().iterator().next());
        for (Class<?> kind : kinds) {
            if (List.of(descriptorSymbol(kind).value()).contains(key)) {
                return bindDescribable(path, kind, wrapped.values().iterator().next(), problems);
            }
        }
        problems.add(path + "." + key + " is not one of " + symbols);
        return null;
    }

    private static Symbol descriptorSymbol(Class<?> type) {
        for (Class<?> nested : type.getDeclaredClasses()) {
            if (nested.isAnnotationPresent(Symbol.class)) {
                return nested.getAnnotation(Symbol.class);
            }
        }
        return null;
    }
}
