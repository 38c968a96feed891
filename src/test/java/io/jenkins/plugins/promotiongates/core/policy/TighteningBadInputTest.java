package io.jenkins.plugins.promotiongates.core.policy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.promotiongates.core.signature.SignatureKeyChoice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.Test;

/** A step's {@code count} and {@code approvers}, and an administrator's ids, that look fine but cannot work. */
public class TighteningBadInputTest {

    private final PolicyTightener caseInsensitive = new PolicyTightener(IdNormalizer.caseInsensitive(), u -> Set.of());

    private static Environment usersOnly(Set<String> users, int count) {
        return Environment.builder("production")
                .rule(new ApprovalRule("leads", users, Set.of(), count, false))
                .approvalValidity(Duration.ofHours(1))
                .gateTimeout(Duration.ofHours(1))
                .build();
    }

    private InvalidPolicyException refused(Environment environment, Tightening step) {
        return assertThrows(InvalidPolicyException.class, () -> caseInsensitive.effective(environment, step));
    }

    @Test
    public void aHugeCountIsRefusedAsOutOfRange() {
        InvalidPolicyException e =
                refused(usersOnly(Set.of("alice", "bob"), 1), Tightening.NONE.withCount(Integer.MAX_VALUE));
        assertEquals("count", e.problems().get(0).field());
        assertThat(e.getMessage(), containsString("at most 100"));
    }

    @Test
    public void aCountMoreThanTheEligibleUsersIsRefusedAsUnsatisfiable() {
        // The gate would otherwise wait until it times out: only two people can ever approve.
        InvalidPolicyException e = refused(usersOnly(Set.of("alice", "bob"), 1), Tightening.NONE.withCount(3));
        assertEquals("count", e.problems().get(0).field());
        assertThat(e.getMessage(), containsString("3 can never be met"));
        assertThat(e.getMessage(), containsString("approvalRules[0] (leads) makes only 2 people eligible"));
        assertEquals(
                2,
                caseInsensitive
                        .effective(usersOnly(Set.of("alice", "bob"), 1), Tightening.NONE.withCount(2))
                        .rules()
                        .get(0)
                        .count());
    }

    @Test
    public void twoSpellingsOfOneApproverAreCaughtBeforeTheyCollapse() {
        InvalidPolicyException e = refused(
                usersOnly(Set.of("alice", "bob", "carol"), 2),
                Tightening.NONE.withApprovers(List.of("Alice", "alice")));
        assertThat(e.getMessage(), containsString("'Alice' and 'alice' are the same person"));
        assertEquals("approvers", e.problems().get(0).field());
    }

    @Test
    public void anAdministratorsTwoSpellingsOfOneUserAreCaughtWhenTheyLeaveTooFewPeople() {
        // {Alice, alice} passes the validator's "2 users for count 2" on the ids as written.
        InvalidPolicyException e = refused(usersOnly(Set.of("Alice", "alice"), 2), Tightening.NONE);
        assertEquals(
                "environments[production].approvalRules[0].users",
                e.problems().get(0).field());
        assertThat(e.getMessage(), containsString("[Alice, alice]"));
        // Harmless duplicates (enough people remain) are accepted.
        caseInsensitive.effective(usersOnly(Set.of("Alice", "alice", "bob"), 2), Tightening.NONE);
    }

    @Test
    public void aNullOrBlankApproverIsNamedNotAnNpe() {
        InvalidPolicyException e = refused(
                usersOnly(Set.of("alice", "bob"), 1), Tightening.NONE.withApprovers(Arrays.asList("alice", null, " ")));
        assertEquals("approvers", e.problems().get(0).field());
        assertThat(e.getMessage(), containsString("blank name"));
    }

    @Test
    public void tooManyApproversAreRefusedBeforeAnyWork() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            many.add("user" + i);
        }
        InvalidPolicyException e = refused(usersOnly(Set.of("alice", "bob"), 1), Tightening.NONE.withApprovers(many));
        assertThat(e.getMessage(), containsString("name at most 1000"));
    }

    @Test
    public void aNullIdIsAnIllegalArgumentNamingIt() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> IdNormalizer.caseInsensitive().user(null));
        assertThat(e.getMessage(), containsString("user id is missing"));
    }

    @Test
    public void trustedKeysLeftOutOrBlankAreNotAnNpe() {
        Environment signed = usersOnly(Set.of("alice"), 1).toBuilder()
                .signature(SignatureRequirement.of(Set.of("release-team")))
                .build();
        assertEquals(
                List.of("release-team"),
                SignatureKeyChoice.of(signed, null, false).trustedKeyNames());
        InvalidPolicyException e = assertThrows(
                InvalidPolicyException.class,
                () -> SignatureKeyChoice.of(signed, Arrays.asList("release-team", null), false));
        assertEquals("trustedKeys", e.problems().get(0).field());
        assertThrows(InvalidPolicyException.class, () -> SignatureKeyChoice.of(null, Arrays.asList(" "), false));
    }
}
