package io.jenkins.plugins.promotiongates.docs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * docs/security.md promises that every statement has a test, and names it as {@code Class#member}.
 * This test keeps that true: every name must be a test class under src/test/java with that test
 * method (or ArchUnit rule), so a renamed or deleted test breaks the build until the page is fixed.
 */
public class SecurityDocTest {

    private static final Pattern REFERENCE = Pattern.compile("`([A-Z][A-Za-z0-9]*)#([A-Za-z_][A-Za-z0-9_]*)`");

    private static Path root() {
        return Path.of(System.getProperty("promotiongates.sources.root", "."));
    }

    @Test
    public void everyTestTheSecurityPageNamesExists() throws IOException {
        String page = Files.readString(root().resolve("docs/security.md"), StandardCharsets.UTF_8);
        Map<String, Path> testSources = testSources();
        Matcher matcher = REFERENCE.matcher(page);
        List<String> missing = new ArrayList<>();
        int references = 0;
        while (matcher.find()) {
            references++;
            String type = matcher.group(1);
            String member = matcher.group(2);
            Path source = testSources.get(type);
            if (source == null) {
                missing.add(type + "#" + member + ": no test class " + type);
                continue;
            }
            String text = Files.readString(source, StandardCharsets.UTF_8);
            if (!Pattern.compile("(void|ArchRule)\\s+" + Pattern.quote(member) + "\\b")
                    .matcher(text)
                    .find()) {
                missing.add(type + "#" + member + ": " + type + " has no test or rule named " + member);
            }
        }
        assertTrue("docs/security.md names its tests", references >= 30);
        assertEquals("every test docs/security.md names exists", List.of(), missing);
    }

    private static Map<String, Path> testSources() throws IOException {
        Map<String, Path> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root().resolve("src/test/java"))) {
            files.filter(file -> file.toString().endsWith(".java"))
                    .forEach(file -> sources.put(file.getFileName().toString().replace(".java", ""), file));
        }
        return sources;
    }
}
