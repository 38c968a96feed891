package io.jenkins.plugins.promotiongates.core.evidence.external;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.jenkins.plugins.promotiongates.core.evidence.EvidenceFixtures;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceVerdict;
import io.jenkins.plugins.promotiongates.core.evidence.EvidenceVerdict.Outcome;
import io.jenkins.plugins.promotiongates.core.release.ReleaseFile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

/** The answer contract, the re-ask schedule and the settings, without a network. */
public class ExternalCheckJudgeTest {

    private static final Instant FIRST = Instant.parse("2026-12-06T12:00:00Z");
    private static final ExternalCheckSettings SETTINGS = ExternalCheckSettings.of(
            "https://change.example.com/api/checks",
            "",
            Duration.ofSeconds(10),
            PollSchedule.DEFAULT,
            Duration.ofMinutes(30));

    private static ExternalCheckDecision decide(int status, String body, int attempt, Instant now) {
        return new ExternalCheckJudge(SETTINGS)
                .decide(
                        ExternalCheckAnswer.received(status, body.getBytes(StandardCharsets.UTF_8)),
                        attempt,
                        FIRST,
                        now);
    }

    private static ExternalCheckDecision decide(int status, String body) {
        return decide(status, body, 1, FIRST);
    }

    @Test
    public void aCallThatWasNotMadeFailsAtOnceInsteadOfWaiting() {
        ExternalCheckDecision decision = new ExternalCheckJudge(SETTINGS)
                .decide(
                        ExternalCheckAnswer.notAsked("externalCheck.credentialsId names 'cab-token', which is not a"
                                + " global Secret text credential"),
                        1,
                        FIRST,
                        FIRST);

        assertEquals(EvidenceVerdict.Outcome.FAILED, decision.verdict().outcome());
        assertEquals(java.util.Optional.empty(), decision.askAgainAt());
        assertThat(decision.verdict().message(), containsString("was not asked: externalCheck.credentialsId"));
        assertThat(decision.verdict().remedy(), containsString("administrator"));
    }

    @Test
    public void theBackoffDoublesUpToItsMaximum() {
        List<Long> seconds = List.of(1, 2, 3, 4, 5, 6, 7).stream()
                .map(attempt -> PollSchedule.DEFAULT.after(attempt).toSeconds())
                .toList();
        assertEquals(List.of(30L, 60L, 120L, 240L, 480L, 600L, 600L), seconds);
        assertEquals(Duration.ofSeconds(5), new PollSchedule(Duration.ofSeconds(5), 1, Duration.ofSeconds(5)).after(9));
    }

    @Test
    public void pendingGivesUpOnceTheNextCallWouldBePastTheLimit() {
        ExternalCheckDecision fourth = decide(200, "{\"status\":\"pending\"}", 4, FIRST.plusSeconds(210));
        assertEquals(Outcome.PENDING, fourth.verdict().outcome());
        assertEquals(Optional.of(FIRST.plusSeconds(450)), fourth.askAgainAt());
        ExternalCheckDecision sixth = decide(200, "{\"status\":\"pending\"}", 6, FIRST.plusSeconds(1290));
        assertEquals(Outcome.FAILED, sixth.verdict().outcome());
        assertEquals(
                "the external check at change.example.com is pending: (no reason given); still undecided 1290 s after"
                        + " the first call, and the limit is 1800 s",
                sixth.verdict().message());
        assertThat(sixth.verdict().remedy(), containsString("raise externalCheck.giveUpAfter"));
    }

    @Test
    public void transientHttpStatusesWaitOthersFail() {
        assertEquals(Outcome.PENDING, decide(503, "").verdict().outcome());
        assertEquals(Outcome.PENDING, decide(429, "").verdict().outcome());
        assertEquals(Outcome.FAILED, decide(404, "").verdict().outcome());
        assertEquals(Outcome.FAILED, decide(302, "").verdict().outcome());
        assertEquals(
                Outcome.PENDING,
                new ExternalCheckJudge(SETTINGS)
                        .decide(ExternalCheckAnswer.unanswered("ConnectException"), 1, FIRST, FIRST)
                        .verdict()
                        .outcome());
    }

    @Test
    public void answersThatBreakTheContractFail() {
        assertEquals(
                "the external check at change.example.com answered status 'maybe', which is not pass, fail or pending",
                decide(200, "{\"status\":\"maybe\"}").verdict().message());
        assertEquals(
                "the external check at change.example.com answered status '', which is not pass, fail or pending",
                decide(200, "{\"result\":\"pass\"}").verdict().message());
        assertThat(
                decide(200, "<html>ok</html>").verdict().message(),
                containsString("the external check at change.example.com's answer is not valid JSON"));
        assertThat(
                decide(200, "{\"status\":\"pass\",\"reason\":" + "[".repeat(40) + "]".repeat(40) + "}")
                        .verdict()
                        .message(),
                containsString("exceeds a reading limit (nesting at most 16 levels"));
        assertThat(
                decide(200, "{\"status\":\"pass\",\"reason\":\"" + "x".repeat(70_000) + "\"}")
                        .verdict()
                        .message(),
                containsString("answered more than 65536 bytes"));
        assertEquals(
                "the external check at change.example.com passed: '\\u001b[31mgreen'",
                decide(200, "{\"status\":\"pass\",\"reason\":\"\\u001b[31mgreen\"}")
                        .verdict()
                        .message());
    }

    @Test
    public void theRequestIsTheReleaseInCanonicalJson() {
        byte[] jar = "jar".getBytes(StandardCharsets.UTF_8);
        var release = EvidenceFixtures.release(new ReleaseFile("app.jar", EvidenceFixtures.sha256(jar), 3));
        String body = new String(
                ExternalCheckRequest.body(release, "production", "folder/app", 42, "job/folder/job/app/42/"),
                StandardCharsets.UTF_8);
        assertEquals(
                "{\"application\":\"hello-service\",\"environment\":\"production\",\"files\":[{\"digest\":\""
                        + EvidenceFixtures.sha256(jar) + "\",\"name\":\"app.jar\",\"size\":3}],\"release\":\""
                        + release.digest() + "\",\"request\":1,\"run\":{\"job\":\"folder/app\",\"number\":42,"
                        + "\"url\":\"job/folder/job/app/42/\"},\"version\":\"1.4.2\"}",
                body);
    }

    private static String refusedSettings(String endpoint, Duration timeout, Duration giveUpAfter) {
        return assertThrows(
                        IllegalArgumentException.class,
                        () -> ExternalCheckSettings.of(endpoint, "", timeout, PollSchedule.DEFAULT, giveUpAfter))
                .getMessage();
    }

    @Test
    public void settingsNameWhatIsWrong() {
        Duration tenSeconds = Duration.ofSeconds(10);
        Duration hour = Duration.ofHours(1);
        assertThat(
                refusedSettings("http://change.example.com/", tenSeconds, hour),
                containsString("externalCheck.endpoint 'http://change.example.com/' is not an https:// URL"));
        assertThat(
                refusedSettings("https://bob:pw@change.example.com/", tenSeconds, hour),
                containsString("holds user information"));
        assertThat(
                refusedSettings("https://change.example.com/", Duration.ofMinutes(6), hour),
                containsString("externalCheck.timeout is PT6M"));
        assertThat(
                refusedSettings("https://change.example.com/", tenSeconds, Duration.ofSeconds(5)),
                containsString("externalCheck.giveUpAfter is PT5S"));
        assertThat(
                refusedSettings("https://change example/", tenSeconds, hour),
                containsString("externalCheck.endpoint 'https://change example/' is not a URL"));
        assertThat(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new PollSchedule(Duration.ofSeconds(30), 0.5, Duration.ofMinutes(1)))
                        .getMessage(),
                containsString("The poll schedule's factor is 0.5"));
    }
}
