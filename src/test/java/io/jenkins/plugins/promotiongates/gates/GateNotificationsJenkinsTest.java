package io.jenkins.plugins.promotiongates.gates;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import hudson.model.Cause;
import hudson.model.CauseAction;
import hudson.model.User;
import hudson.tasks.Mailer;
import hudson.util.Secret;
import io.jenkins.plugins.promotiongates.config.ApprovalRuleConfig;
import io.jenkins.plugins.promotiongates.config.EnvironmentConfig;
import io.jenkins.plugins.promotiongates.config.PromotionGatesConfiguration;
import io.jenkins.plugins.promotiongates.config.WebhookConfig;
import io.jenkins.plugins.promotiongates.core.audit.AuditEvent;
import io.jenkins.plugins.promotiongates.core.event.EventTypes;
import io.jenkins.plugins.promotiongates.core.notify.WebhookSignature;
import io.jenkins.plugins.promotiongates.ledger.RunAudit;
import io.jenkins.plugins.promotiongates.steps.RequireApprovalsStepJenkinsTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jenkins.model.JenkinsLocationConfiguration;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.After;
import org.junit.Before;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.BuildWatcher;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * Notifications of a real gate: e-mail through the Mailer plugin's SMTP settings to a real SMTP server
 * (GreenMail) and a signed webhook to a real HTTP server that checks the HMAC, as approvers and their
 * tools receive them. Engine twin: {@code GateNotificationScenarioTest}.
 */
public class GateNotificationsJenkinsTest {

    private static final String SECRET = "webhook secret";

    @ClassRule
    public static BuildWatcher buildWatcher = new BuildWatcher();

    @Rule
    public JenkinsRule j = new JenkinsRule();

    private GreenMail smtp;
    private HttpServer receiver;
    private final List<String> hooks = new CopyOnWriteArrayList<>();

    @Before
    public void startServers() throws Exception {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean valid = WebhookSignature.matches(
                    SECRET, body, exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER));
            hooks.add((valid ? "signed " : "FORGED ") + new String(body, StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(valid ? 204 : 401, -1);
            exchange.close();
        });
        receiver.start();
    }

    @After
    public void stopServers() {
        smtp.stop();
        receiver.stop(0);
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    /** Staging: 2 of alice, bob, carol, each with an address, as are sam (the starter) and mallory. */
    private void configure(String webhookUrl, String reminderBefore) throws Exception {
        RequireApprovalsStepJenkinsTest.Fixture.secure(j);
        Mailer.descriptor().setSmtpHost("127.0.0.1");
        Mailer.descriptor().setSmtpPort(String.valueOf(smtp.getSmtp().getPort()));
        JenkinsLocationConfiguration.get().setAdminAddress("jenkins@example.com");
        for (String id : List.of("alice", "bob", "carol", "sam", "mallory")) {
            User.getById(id, true).addProperty(new Mailer.UserProperty(id + "@example.com"));
        }
        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .add(new StringCredentialsImpl(CredentialsScope.GLOBAL, "hook", "", Secret.fromString(SECRET)));
        SystemCredentialsProvider.getInstance().save();
        ApprovalRuleConfig rule = new ApprovalRuleConfig();
        rule.setName("release");
        rule.setUsers("alice, bob, carol");
        rule.setCount(2);
        WebhookConfig webhook = new WebhookConfig(webhookUrl);
        webhook.setCredentialsId("hook");
        EnvironmentConfig staging = new EnvironmentConfig("staging");
        staging.setApprovalRules(List.of(rule));
        staging.setGateTimeout("1h");
        staging.setReminderBefore(reminderBefore);
        staging.setWebhooks(List.of(webhook));
        PromotionGatesConfiguration.get().setEnvironments(List.of(staging));
    }

    private WorkflowRun start(String script) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun b = p.scheduleBuild2(0, new CauseAction(new Cause.UserIdCause("sam")))
                .waitForStart();
        j.waitForMessage("waits for approvals", b);
        return b;
    }

    /** Waits for {@code count} e-mails in all, and returns the recipients of them all, sorted. */
    private List<String> mailedTo(int count) throws Exception {
        assertTrue("expected " + count + " e-mails", smtp.waitForIncomingEmail(20_000, count));
        List<String> to = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            to.add(message.getRecipients(Message.RecipientType.TO)[0].toString());
        }
        to.sort(null);
        return to;
    }

    private void awaitHooks(int count) throws InterruptedException {
        for (int i = 0; i < 200 && hooks.size() < count; i++) {
            Thread.sleep(100);
        }
        assertEquals(hooks.toString(), count, hooks.size());
    }

    private static List<String> notificationEvents(WorkflowRun b) throws Exception {
        List<String> events = new ArrayList<>();
        for (AuditEvent event : RunAudit.chain(b).events()) {
            if (event.type().startsWith("notification.")) {
                events.add(
                        event.type() + " " + event.get("details").get("channel").asText() + " "
                                + event.get("details").get("event").asText());
            }
        }
        return events;
    }

    @Test
    public void approversAreMailedAndTheWebhookIsSignedAtEveryStep() throws Exception {
        configure(hookUrl(), "");
        WorkflowRun b = start(RequireApprovalsStepJenkinsTest.Fixture.SCRIPT);

        assertEquals(List.of("alice@example.com", "bob@example.com", "carol@example.com"), mailedTo(3));
        MimeMessage opened = smtp.getReceivedMessages()[0];
        assertThat(opened.getSubject(), startsWith("[Promotion Gates] Approval needed: "));
        String body = GreenMailUtil.getBody(opened);
        assertThat(body, containsString("Decide here: " + j.getURL() + b.getUrl() + "approvals/staging/"));
        assertThat(body, containsString("Who may decide: alice, bob, carol"));
        assertThat(body, not(containsString(SECRET)));
        awaitHooks(1);
        assertThat(hooks.get(0), startsWith("signed {"));
        assertThat(hooks.get(0), containsString("\"event\":\"gate.opened\""));

        assertEquals(
                200,
                RequireApprovalsStepJenkinsTest.Fixture.status(
                        RequireApprovalsStepJenkinsTest.Fixture.decide(j, "alice", b, "approve", "")));
        assertThat("alice decided: bob and carol are told", mailedTo(5), not(hasItem("sam@example.com")));
        assertEquals(
                200,
                RequireApprovalsStepJenkinsTest.Fixture.status(
                        RequireApprovalsStepJenkinsTest.Fixture.decide(j, "bob", b, "approve", "")));
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        // the closing mail goes to carol, the only one asked who did not decide
        List<String> all = mailedTo(6);
        assertEquals(
                List.of("carol@example.com", "carol@example.com", "carol@example.com"),
                all.stream().filter(to -> to.startsWith("carol")).toList());
        assertThat(all, not(hasItem("mallory@example.com")));
        awaitHooks(4); // opened, decided, decided, closed
        assertTrue(hooks.toString(), hooks.stream().allMatch(hook -> hook.startsWith("signed ")));

        for (int i = 0; i < 100 && notificationEvents(b).size() < 7; i++) {
            Thread.sleep(100);
        }
        List<String> events = notificationEvents(b);
        assertThat(events, hasItem(EventTypes.NOTIFICATION_SENT + " webhook gate.closed"));
        assertThat(events, hasItem(EventTypes.NOTIFICATION_SENT + " email gate.opened"));
    }

    @Test
    public void theReminderComesTheLeadTimeBeforeTheDeadline() throws Exception {
        configure(hookUrl(), "15s");
        WorkflowRun b = start("requireApprovals environment: 'staging', timeout: '20s'");
        mailedTo(3);
        List<String> subjects = new ArrayList<>();
        assertTrue(smtp.waitForIncomingEmail(15_000, 6));
        for (MimeMessage message : smtp.getReceivedMessages()) {
            subjects.add(message.getSubject());
        }
        assertThat(subjects, hasItem(startsWith("[Promotion Gates] Reminder: approval needed before ")));
        RequireApprovalsStepJenkinsTest.Fixture.decide(j, "bob", b, "reject", "not now");
        j.waitForCompletion(b);
    }

    @Test
    public void aWebhookReceiverThatIsDownHoldsUpNoDecision() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        configure("http://127.0.0.1:" + closed + "/hook", "");
        WorkflowRun b = start(RequireApprovalsStepJenkinsTest.Fixture.SCRIPT);
        long started = System.nanoTime();
        assertEquals(
                200,
                RequireApprovalsStepJenkinsTest.Fixture.status(
                        RequireApprovalsStepJenkinsTest.Fixture.decide(j, "alice", b, "approve", "")));
        assertEquals(
                200,
                RequireApprovalsStepJenkinsTest.Fixture.status(
                        RequireApprovalsStepJenkinsTest.Fixture.decide(j, "bob", b, "approve", "")));
        j.assertBuildStatusSuccess(j.waitForCompletion(b));
        assertTrue(
                "decisions and the build did not wait for the webhook's retries",
                System.nanoTime() - started < 30_000_000_000L);
        assertThat(notificationEvents(b), not(hasItem(EventTypes.NOTIFICATION_SENT + " webhook gate.opened")));
    }
}
