package io.jenkins.plugins.promotiongates.docs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.promotiongates.core.approval.ApprovalGate;
import io.jenkins.plugins.promotiongates.core.approval.RunParties;
import io.jenkins.plugins.promotiongates.core.notify.GateEvent;
import io.jenkins.plugins.promotiongates.core.notify.GateNotice;
import io.jenkins.plugins.promotiongates.core.notify.RunLocation;
import io.jenkins.plugins.promotiongates.core.notify.WebhookBody;
import io.jenkins.plugins.promotiongates.core.notify.WebhookSignature;
import io.jenkins.plugins.promotiongates.core.policy.ApprovalRule;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.GroupDirectory;
import io.jenkins.plugins.promotiongates.core.policy.IdNormalizer;
import io.jenkins.plugins.promotiongates.core.policy.PolicyTightener;
import io.jenkins.plugins.promotiongates.core.policy.Tightening;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * docs/notifications.md shows what is true: its {@code GateListener} example compiles against the
 * plugin, its webhook body has the keys the plugin sends, and its openssl recipe computes the
 * signature the plugin sends. (Its YAML is checked with the other documented configurations by
 * {@link JenkinsCascExamplesTest}.)
 */
public class NotificationsDocTest {

    private static final String PAGE = "docs/notifications.md";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private static List<Sources.Block> blocks(String language) throws Exception {
        return Sources.blocks(language).stream()
                .filter(block -> block.page().equals(PAGE))
                .toList();
    }

    @Test
    public void gateListenerExampleCompilesAgainstThePlugin() throws Exception {
        List<Sources.Block> examples = blocks("java");
        assertEquals("one Java example", 1, examples.size());
        Path source = folder.newFolder("src").toPath().resolve("ChatGateListener.java");
        Files.writeString(source, examples.get(0).text(), StandardCharsets.UTF_8);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files =
                compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean compiled = compiler.getTask(
                            null,
                            files,
                            diagnostics,
                            List.of(
                                    "-proc:none",
                                    "-classpath",
                                    System.getProperty("java.class.path"),
                                    "-d",
                                    folder.newFolder("classes").toString()),
                            null,
                            files.getJavaFileObjects(source.toFile()))
                    .call();
            assertTrue(examples.get(0) + ": " + diagnostics.getDiagnostics(), compiled);
        }
    }

    @Test
    public void webhookBodyExampleHasTheKeysThePluginSends() throws Exception {
        List<Sources.Block> bodies = blocks("json");
        assertEquals("one body example", 1, bodies.size());
        JsonNode documented = new ObjectMapper().readTree(bodies.get(0).text());
        JsonNode sent = new ObjectMapper().readTree(WebhookBody.of(notice()));
        assertEquals(keys(sent), keys(documented));
        assertEquals(keys(sent.get("run")), keys(documented.get("run")));
        assertEquals("gate.opened", documented.get("event").asText());
    }

    @Test
    public void opensslRecipeComputesTheSignatureThePluginSends() throws Exception {
        List<Sources.Block> recipes = blocks("sh");
        assertEquals("one openssl recipe", 1, recipes.size());
        byte[] body = WebhookBody.of(notice());
        File work = folder.newFolder("hook");
        Files.write(work.toPath().resolve("body.json"), body);
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", recipes.get(0).text())
                .directory(work)
                .redirectErrorStream(true);
        builder.environment().put("SECRET", "hook secret");
        Process process = builder.start();
        String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(WebhookSignature.of("hook secret", body), output);
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            keys.add(names.next());
        }
        return keys;
    }

    private static GateNotice notice() {
        IdNormalizer ids = IdNormalizer.caseInsensitive();
        Environment production = Environment.builder("production")
                .rule(new ApprovalRule("leads", Set.of("ann", "bob"), Set.of(), 2, false))
                .build();
        ApprovalGate gate = ApprovalGate.open(
                "production",
                new PolicyTightener(ids, GroupDirectory.NONE).effective(production, Tightening.NONE),
                null,
                RunParties.of(ids, null, List.of()),
                Clock.fixed(Instant.parse("2026-12-06T09:00:00Z"), ZoneOffset.UTC));
        return GateNotice.of(
                GateEvent.OPENED,
                gate.snapshot(),
                null,
                new RunLocation("shop", 42, "https://jenkins.example.com/job/shop/42/", "https://jenkins.example.com/"),
                "",
                "0 of 2",
                null,
                new ArrayList<>(List.of("ann", "bob")),
                gate.snapshot().openedAt());
    }
}
