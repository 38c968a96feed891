package io.jenkins.plugins.promotiongates.core.notify;

import static io.jenkins.plugins.promotiongates.core.notify.NotifyFixture.ANN;
import static io.jenkins.plugins.promotiongates.core.notify.NotifyFixture.EVERYONE;
import static io.jenkins.plugins.promotiongates.core.notify.NotifyFixture.IDS;
import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.promotiongates.core.approval.ApprovalGate;
import io.jenkins.plugins.promotiongates.core.approval.Approver;
import io.jenkins.plugins.promotiongates.core.approval.Deciders;
import io.jenkins.plugins.promotiongates.core.approval.GateSnapshot;
import io.jenkins.plugins.promotiongates.core.approval.RunParties;
import io.jenkins.plugins.promotiongates.core.policy.ApprovalRule;
import io.jenkins.plugins.promotiongates.core.policy.Environment;
import io.jenkins.plugins.promotiongates.core.policy.GroupDirectory;
import io.jenkins.plugins.promotiongates.core.policy.PolicyTightener;
import io.jenkins.plugins.promotiongates.core.policy.Tightening;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/** Only the people asked to decide are written to. */
public class RecipientsTest {

    private static final Map<String, String> ADDRESSES = Map.of(
            "ann", "ann@example.com",
            "bob", "bob@example.com",
            "sam", "sam@example.com",
            "carl", "carl@example.com",
            "dave", "dave@example.com",
            "lena", "");

    private static List<String> ids(List<Approver> people) {
        return people.stream().map(Approver::userId).toList();
    }

    @Test
    public void asksTheEligibleButNotTheStarterTheAuthorsOrOthers() {
        ApprovalGate gate = NotifyFixture.gate(NotifyFixture.clock());
        // sam started the run, carl wrote its changes, dave is in no rule; lena is in the group leads
        assertEquals(List.of("ann", "bob", "lena"), ids(Deciders.among(gate.snapshot(), EVERYONE)));
    }

    @Test
    public void doesNotAskWhoAlreadyDecided() {
        ApprovalGate gate = NotifyFixture.gate(NotifyFixture.clock());
        gate.approve(ANN, "", gate.snapshot().artifactDigest(), gate.snapshot().policyDigest());
        assertEquals(List.of("bob", "lena"), ids(Deciders.among(gate.snapshot(), EVERYONE)));
    }

    @Test
    public void asksTheStarterAndAuthorsWhenThePolicyAllowsThem() {
        Environment lenient = Environment.builder("dev")
                .rule(new ApprovalRule("any", Set.of("ann", "sam", "carl"), Set.of(), 1, false))
                .starterMayNotApprove(false)
                .changeAuthorsMayNotApprove(false)
                .build();
        ApprovalGate gate = ApprovalGate.open(
                "dev",
                new PolicyTightener(IDS, GroupDirectory.NONE).effective(lenient, Tightening.NONE),
                null,
                RunParties.of(IDS, "sam", List.of("carl")),
                NotifyFixture.clock());
        assertEquals(List.of("ann", "sam", "carl"), ids(Deciders.among(gate.snapshot(), EVERYONE)));
    }

    @Test
    public void mailsOnlyDecidersWithAnAddressOnceEach() {
        GateSnapshot gate = NotifyFixture.gate(NotifyFixture.clock()).snapshot();
        GateNotice notice = NotifyFixture.notice(GateEvent.OPENED, gate, null);
        List<MailMessage> mails = MailText.compose(notice, ADDRESSES);
        // lena has no address; sam, carl and dave have one but may not decide
        assertEquals(
                List.of("ann@example.com", "bob@example.com"),
                mails.stream().map(MailMessage::to).toList());
        assertEquals(
                List.of("ann", "bob"), mails.stream().map(MailMessage::userId).toList());
    }
}
