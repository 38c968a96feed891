package io.jenkins.plugins.promotiongates.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class PromotionGatesCliTest {

    @Rule
    public TemporaryFolder temp = new TemporaryFolder();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return PromotionGatesCli.standard()
                .run(
                        List.of(args),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    public void digestPrintsExactlyWhatSha256sumPrints() throws Exception {
        Path a = temp.newFile("a.bin").toPath();
        Path b = temp.newFile("b with space.bin").toPath();
        byte[] content = new byte[1_000_003];
        new Random(1).nextBytes(content);
        Files.write(a, content);
        Files.writeString(b, "hello\n");
        assertEquals(0, run("digest", a.toString(), b.toString()));
        assertEquals(tool("sha256sum", a.toString(), b.toString()), out.toString(StandardCharsets.UTF_8));
        out.reset();
        assertEquals(0, run("digest", "--algorithm", "sha512", a.toString()));
        assertEquals(tool("sha512sum", a.toString()), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    public void badUsageExitsTwoWithAReason() throws Exception {
        assertEquals(2, run());
        assertThat(err.toString(StandardCharsets.UTF_8), containsString("usage: java -jar promotion-gates-cli.jar"));
        err.reset();
        assertEquals(2, run("frobnicate"));
        assertThat(err.toString(StandardCharsets.UTF_8), containsString("unknown command 'frobnicate'"));
        err.reset();
        assertEquals(2, run("digest"));
        assertThat(err.toString(StandardCharsets.UTF_8), containsString("no file given"));
        err.reset();
        assertEquals(2, run("digest", "--algorithm", "md5", "x"));
        assertThat(err.toString(StandardCharsets.UTF_8), containsString("Unsupported digest algorithm 'md5'"));
        err.reset();
        assertEquals(2, run("digest", temp.getRoot().toString()));
        assertThat(err.toString(StandardCharsets.UTF_8), containsString("is not a regular file (it is a directory)"));
    }

    @Test
    public void helpListsTheCommands() {
        assertEquals(0, run("--help"));
        assertThat(out.toString(StandardCharsets.UTF_8), containsString("digest"));
    }

    private static String tool(String... command) throws Exception {
        Process process = new ProcessBuilder(command).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(true, process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
        return output;
    }
}
