package io.jenkins.plugins.promotiongates.steps;

import io.jenkins.plugins.promotiongates.config.SecretTextCredentials;
import io.jenkins.plugins.promotiongates.core.evidence.external.ExternalCheckAnswer;
import io.jenkins.plugins.promotiongates.core.evidence.external.ExternalCheckClient;
import io.jenkins.plugins.promotiongates.core.evidence.external.ExternalCheckSettings;
import io.jenkins.plugins.promotiongates.core.promotion.ExternalCheckAsker;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks external checks from the controller: the credential the administrator named is resolved as SYSTEM
 * from the global credentials for each call, sent as a bearer token, and never logged. The client uses the
 * controller's trust store (as it is at each call) and follows no redirect.
 */
final class ControllerExternalChecks implements ExternalCheckAsker {

    @Override
    public ExternalCheckAnswer ask(ExternalCheckSettings settings, byte[] body) {
        Optional<String> authorization = Optional.empty();
        if (!settings.credentialsId().isEmpty()) {
            try {
                String token = SecretTextCredentials.secretOf("externalCheck.credentialsId", settings.credentialsId())
                        .secret();
                authorization = Optional.ofNullable(token).map(value -> "Bearer " + value);
            } catch (IOException e) {
                return ExternalCheckAnswer.notAsked(e.getMessage());
            }
        }
        HttpClient http = HttpClient.newBuilder() // the JVM's trust store as it is now
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        return new ExternalCheckClient(http).ask(settings, body, authorization);
    }
}
