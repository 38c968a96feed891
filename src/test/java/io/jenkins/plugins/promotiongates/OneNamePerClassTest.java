package io.jenkins.plugins.promotiongates;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.greaterThan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * One name per thing: no two classes of the plugin or its tests share a simple name (there were two
 * {@code RunRef}, two {@code SignatureCheck}, two {@code Fixtures}, two {@code Backoff}), so a name in a
 * message, a doc or a stack trace points at one class.
 */
public class OneNamePerClassTest {

    @Test
    public void noTwoClassesShareASimpleName() throws IOException {
        Path root = Path.of(System.getProperty("promotiongates.sources.root", "."));
        Map<String, List<String>> byName = new TreeMap<>();
        for (String tree : List.of("src/main/java", "src/test/java")) {
            try (Stream<Path> files = Files.walk(root.resolve(tree))) {
                files.filter(file -> file.getFileName().toString().endsWith(".java"))
                        .filter(file -> !file.getFileName().toString().equals("package-info.java"))
                        .forEach(file -> byName.computeIfAbsent(
                                        file.getFileName().toString(), name -> new java.util.ArrayList<>())
                                .add(root.relativize(file).toString()));
            }
        }
        assertThat(byName.size(), greaterThan(500));
        Map<String, List<String>> shared = byName.entrySet().stream()
                .filter(entry -> entry.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat("classes that share a simple name", shared, anEmptyMap());
    }
}
