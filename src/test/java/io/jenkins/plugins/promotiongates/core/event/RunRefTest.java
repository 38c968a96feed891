package io.jenkins.plugins.promotiongates.core.event;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.nio.file.Path;
import org.junit.Test;

/** One reference to a run, with or without the build directory the audit writes into. */
public class RunRefTest {

    @Test
    public void namesTheRunWithOrWithoutItsDirectory() {
        RunRef named = new RunRef("shop/main", 42, null);
        assertEquals("", named.url());
        assertNull(named.directory());
        assertEquals("shop/main#42", named.id());
        RunRef located = named.withDirectory(Path.of("builds", "42"));
        assertEquals(Path.of("builds", "42"), located.directory());
        assertEquals(new RunRef("shop/main", 42, "", Path.of("builds", "42")), located);
    }

    @Test
    public void refusesWhatNamesNoRun() {
        assertThat(
                assertThrows(IllegalArgumentException.class, () -> new RunRef(" ", 1, ""))
                        .getMessage(),
                containsString("job's full name"));
        assertThat(
                assertThrows(IllegalArgumentException.class, () -> new RunRef("app", 0, ""))
                        .getMessage(),
                containsString("Build number 0 of job 'app'"));
        assertThrows(IllegalArgumentException.class, () -> new RunRef("app", 9_007_199_254_740_992L, ""));
        assertEquals(1, new RunRef("app", 1, "").build());
        assertEquals(9_007_199_254_740_991L, new RunRef("app", 9_007_199_254_740_991L, "").build());
    }
}
