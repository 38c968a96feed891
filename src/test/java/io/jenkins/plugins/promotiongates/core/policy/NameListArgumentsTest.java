package io.jenkins.plugins.promotiongates.core.policy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/** A step's name-list parameter binds from a Groovy list or from one comma-separated string alike. */
public class NameListArgumentsTest {

    private static Map<String, Object> arguments(Object trustedKeys) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("artifact", "dist/app.tar.gz");
        arguments.put("trustedKeys", trustedKeys);
        return arguments;
    }

    @Test
    public void aListAndACommaSeparatedStringGiveTheSameNames() {
        Map<String, Object> fromList =
                NameList.acceptingLists(arguments(List.of("release-team", " ops ")), Set.of("trustedKeys"));
        Map<String, Object> fromText = NameList.acceptingLists(arguments("release-team, ops"), Set.of("trustedKeys"));

        assertEquals("release-team, ops", fromList.get("trustedKeys"));
        assertEquals(NameList.parse((String) fromText.get("trustedKeys")), NameList.parse((String)
                fromList.get("trustedKeys")));
        assertEquals("dist/app.tar.gz", fromList.get("artifact"));
        assertEquals(arguments("release-team, ops"), fromText);
    }

    @Test
    public void onlyTheNamedParametersAreTouchedAndAbsentOnesStayAbsent() {
        Map<String, Object> given = Map.of("artifact", List.of("a"));
        assertEquals(given, NameList.acceptingLists(given, Set.of("trustedKeys")));
    }

    @Test
    public void anythingElseIsRefusedNamingTheParameterAndBothForms() {
        for (Object bad :
                new Object[] {42, Map.of("a", 1), Arrays.asList("ok", null), List.of("ok", " "), List.of(7)}) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> NameList.acceptingLists(arguments(bad), Set.of("trustedKeys")));
            assertThat(e.getMessage(), containsString("trustedKeys"));
            assertThat(e.getMessage(), containsString("['release-team', 'ops']"));
            assertThat(e.getMessage(), containsString("'release-team, ops'"));
        }
    }
}
