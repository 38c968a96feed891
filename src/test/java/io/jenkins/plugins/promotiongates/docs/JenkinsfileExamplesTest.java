package io.jenkins.plugins.promotiongates.docs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.promotiongates.core.release.ApprovalBinding;
import io.jenkins.plugins.promotiongates.core.release.ReleaseSource;
import io.jenkins.plugins.promotiongates.steps.PromoteArtifactStep;
import io.jenkins.plugins.promotiongates.steps.RequireApprovalsStep;
import io.jenkins.plugins.promotiongates.steps.VerifySignatureStep;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.Test;

/**
 * Every Jenkinsfile snippet in README.md and docs/ ({@code ```groovy} blocks) and
 * docs/examples/*Jenkinsfile call the steps with arguments they have, and with literal values that
 * structs' DescribableModel would bind to the parameter's type: a String for a String, a number or a
 * numeric string for an int, a list only for a list. A list where the step takes a String is a
 * ClassCastException in Jenkins, so it fails here, except for the parameters a step's descriptor
 * accepts as a list of names too ({@code NAME_LISTS}, through structs' CustomDescribableModel). Where a
 * release's files come from is checked by the engine's own rule, as the steps check it when they run:
 * {@code promoteArtifact} takes exactly one of {@code artifact}, {@code files} and {@code archived};
 * {@code requireApprovals} at most one of those and {@code digest}, with {@code version} where it needs one.
 */
public class JenkinsfileExamplesTest {

    private static final Map<String, Class<?>> STEPS = Map.of(
            "verifySignature", VerifySignatureStep.class,
            "requireApprovals", RequireApprovalsStep.class,
            "promoteArtifact", PromoteArtifactStep.class);

    private static final Map<String, java.util.Set<String>> NAME_LISTS = Map.of(
            "verifySignature", VerifySignatureStep.DescriptorImpl.NAME_LISTS,
            "requireApprovals", RequireApprovalsStep.DescriptorImpl.NAME_LISTS);

    @Test
    public void everyDocumentedStepCallBindsToTheStepsParameters() throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> calls = new TreeMap<>();
        List<Sources.Block> scripts = new ArrayList<>(Sources.blocks("groovy"));
        for (String jenkinsfile : List.of("docs/examples/Jenkinsfile", "docs/examples/try-it.Jenkinsfile")) {
            scripts.add(new Sources.Block(jenkinsfile, 1, Sources.read(jenkinsfile)));
        }
        for (Sources.Block script : scripts) {
            for (StepCall call : StepCall.find(script.text(), List.copyOf(STEPS.keySet()))) {
                calls.merge(call.step(), 1, Integer::sum);
                String where = script.page() + ":" + (script.line() + call.line()) + " " + call.step();
                problems.addAll(check(where, call));
            }
        }
        assertEquals("documented step calls that Jenkins would refuse", List.of(), problems);
        assertTrue(
                "found the documented calls: " + calls,
                calls.size() == 3 && calls.values().stream().allMatch(n -> n >= 3));
        assertTrue(
                "found the documented calls: " + calls,
                calls.values().stream().mapToInt(Integer::intValue).sum() >= 20);
    }

    /**
     * Each example Jenkinsfile names only environments and trusted keys that its YAML configures, and
     * promotes only along the YAML's {@code promotedFrom}, so the pair can succeed in one run.
     */
    @Test
    public void eachExampleJenkinsfileMatchesItsConfiguration() {
        Map<String, String> pairs = Map.of(
                "docs/examples/Jenkinsfile", "docs/examples/promotion-gates.yaml",
                "docs/examples/try-it.Jenkinsfile", "docs/examples/try-it.yaml");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> pair : new TreeMap<>(pairs).entrySet()) {
            Map<?, ?> yaml = new org.yaml.snakeyaml.Yaml().load(Sources.read(pair.getValue()));
            Map<?, ?> gates = (Map<?, ?>) ((Map<?, ?>) yaml.get("security")).get("promotionGates");
            Map<String, List<String>> promotedFrom = new TreeMap<>();
            for (Object environment : (List<?>) gates.get("environments")) {
                Map<?, ?> settings = (Map<?, ?>) environment;
                promotedFrom.put(String.valueOf(settings.get("name")), names(settings.get("promotedFrom")));
            }
            List<String> keys = new ArrayList<>();
            for (Object key : (List<?>) gates.get("trustedKeys")) {
                keys.add(String.valueOf(((Map<?, ?>) key).get("name")));
            }
            for (StepCall call : StepCall.find(Sources.read(pair.getKey()), List.copyOf(STEPS.keySet()))) {
                String where = pair.getKey() + ":" + (call.line() + 1) + " " + call.step() + ": ";
                for (String setting : List.of("environment", "to", "from")) {
                    if (call.arguments().get(setting) instanceof String name && !promotedFrom.containsKey(name)) {
                        problems.add(where + name + " is not an environment of " + pair.getValue());
                    }
                }
                if (call.arguments().get("trustedKeys") instanceof String names) {
                    for (String name : names(names)) {
                        if (!keys.contains(name)) {
                            problems.add(where + name + " is not a trusted key of " + pair.getValue());
                        }
                    }
                }
                if (call.arguments().get("from") instanceof String from
                        && call.arguments().get("to") instanceof String to
                        && promotedFrom.containsKey(to)
                        && !promotedFrom.get(to).contains(from)) {
                    problems.add(where + to + " is not promoted from " + from + " in " + pair.getValue());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static List<String> names(Object commaSeparated) {
        List<String> names = new ArrayList<>();
        if (commaSeparated != null) {
            for (String name : String.valueOf(commaSeparated).split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
        }
        return names;
    }

    /** The check itself refuses what Jenkins refuses. */
    @Test
    public void aListWhereTheStepTakesAStringIsRefused() throws IOException {
        StepCall list = StepCall.find(
                        "verifySignature artifact: ['a'], trustedKeys: ['release-team'], keyId: 'x', namespace: 3",
                        List.of("verifySignature"))
                .get(0);
        assertEquals(
                List.of(
                        "here: artifact expects class java.lang.String but is a list",
                        "here: keyId is not a parameter of verifySignature; it takes "
                                + DataBoundModel.of(VerifySignatureStep.class)
                                        .properties
                                        .keySet(),
                        "here: namespace expects class java.lang.String but is the number 3"),
                check("here", list));
        StepCall missing = StepCall.find(
                        "promoteArtifact(artifact: 'a', to: 'production', dryRun: 'true', from: env.FROM)",
                        List.of("promoteArtifact"))
                .get(0);
        assertEquals(List.of("there: version is required"), check("there", missing));
        StepCall count = StepCall.find("requireApprovals environment: 'p', count: 'two'", List.of("requireApprovals"))
                .get(0);
        assertEquals(List.of("p: count expects class java.lang.Integer but 'two' is not a number"), check("p", count));
    }

    /** The check refuses what the steps refuse when they run: no source, two sources, a release without version. */
    @Test
    public void aCallThatNamesItsFilesWronglyIsRefusedWithTheStepsOwnMessage() throws IOException {
        List<String> steps = List.copyOf(STEPS.keySet());
        StepCall none = StepCall.find("promoteArtifact to: 'production', version: '1.4.0'", steps)
                .get(0);
        assertThat(check("a", none).toString(), containsString("a: promoteArtifact needs the release's files"));
        StepCall two = StepCall.find(
                        "promoteArtifact archived: 'dist/*', files: env.FILES, to: 'p', version: '1'", steps)
                .get(0);
        assertThat(check("b", two).toString(), containsString("and was given files: and archived:"));
        StepCall noVersion = StepCall.find("requireApprovals environment: 'p', archived: 'dist/*'", steps)
                .get(0);
        assertThat(check("c", noVersion).toString(), containsString("a release has a version"));
        List<StepCall> digest = StepCall.find(
                "requireApprovals environment: 'p', digest: dry.digest\n"
                        + "requireApprovals environment: 'p', archived: 'dist/*', version: env.VERSION",
                steps);
        assertEquals(List.of(), check("d", digest.get(0)));
        assertEquals(List.of(), check("e", digest.get(1)));
    }

    private static List<String> check(String where, StepCall call) throws IOException {
        DataBoundModel model = DataBoundModel.of(STEPS.get(call.step()));
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Object> argument : call.arguments().entrySet()) {
            Type type = model.properties.get(argument.getKey());
            if (type == null) {
                problems.add(where + ": " + argument.getKey() + " is not a parameter of " + call.step() + "; it takes "
                        + model.properties.keySet());
                continue;
            }
            if (NAME_LISTS.getOrDefault(call.step(), java.util.Set.of()).contains(argument.getKey())
                    && argument.getValue() instanceof List) {
                continue; // the descriptor joins a list of names into the comma-separated String
            }
            String problem = coercion(type, argument.getValue());
            if (problem != null) {
                problems.add(where + ": " + argument.getKey() + " expects " + type + " but " + problem);
            }
        }
        for (String required : model.required) {
            if (!call.arguments().containsKey(required)) {
                problems.add(where + ": " + required + " is required");
            }
        }
        try {
            releaseSource(call);
        } catch (IllegalArgumentException e) {
            problems.add(where + ": " + e.getMessage());
        }
        return problems;
    }

    /** The engine's rule for where the release's files come from, over the call's arguments. */
    private static void releaseSource(StepCall call) {
        Map<String, Object> arguments = call.arguments();
        if (call.step().equals("promoteArtifact")) {
            ReleaseSource.required(
                    call.step(), text(arguments, "artifact"), text(arguments, "files"), text(arguments, "archived"));
        } else if (call.step().equals("requireApprovals")) {
            Object digest = arguments.get("digest");
            ApprovalBinding.of(
                    text(arguments, "artifact"),
                    text(arguments, "files"),
                    text(arguments, "archived"),
                    digest instanceof StepCall.Expression ? "sha256:" + "0".repeat(64) : text(arguments, "digest"),
                    text(arguments, "version"));
        }
    }

    /** A literal as given; an expression as a value of the right form, which only the running script knows. */
    private static String text(Map<String, Object> arguments, String name) {
        Object value = arguments.get(name);
        return value == null ? null : value instanceof StepCall.Expression ? "expression" : String.valueOf(value);
    }

    /** Why structs' DescribableModel.coerce would refuse {@code value} for {@code type}, or null. */
    private static String coercion(Type type, Object value) {
        if (value instanceof StepCall.Expression) {
            return null;
        }
        Class<?> raw = DataBoundModel.raw(type);
        Class<?> boxed = raw == int.class ? Integer.class : raw == boolean.class ? Boolean.class : raw;
        if (value instanceof List<?> list) {
            if (!Collection.class.isAssignableFrom(raw) && !raw.isArray()) {
                return "is a list";
            }
            for (Object element : list) {
                String problem =
                        coercion(raw.isArray() ? raw.getComponentType() : DataBoundModel.element(type), element);
                if (problem != null) {
                    return "an element " + problem;
                }
            }
            return null;
        }
        if (boxed.isInstance(value)) {
            return null;
        }
        if (value instanceof String text) {
            if (boxed == Boolean.class) {
                return null;
            }
            if (boxed == Integer.class) {
                try {
                    Integer.valueOf(text);
                    return null;
                } catch (NumberFormatException e) {
                    return "'" + text + "' is not a number";
                }
            }
        }
        return value instanceof Integer
                ? "is the number " + value
                : value instanceof Boolean ? "is the boolean " + value : "is '" + value + "'";
    }
}
