package io.jenkins.plugins.promotiongates.core.notify;

import io.jenkins.plugins.promotiongates.core.json.CanonicalJson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON a webhook receives, in canonical form (UTF-8, keys sorted, no insignificant whitespace), so
 * that the receiver can check the HMAC over the exact bytes it read:
 * {@code {"actor":"","application":"shop","deadline":"...","environment":"production","event":"gate.opened",
 * "gate":"production","link":"https://.../approvals/production/","progress":"0 of 2","releaseDigest":"sha256:...",
 * "run":{"job":"shop","number":42,"url":"https://.../job/shop/42/"},"state":"WAITING","time":"...","version":"1.4.0"}}.
 */
public final class WebhookBody {

    private WebhookBody() {}

    public static byte[] of(GateNotice notice) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("job", notice.run().job());
        run.put("number", notice.run().number());
        run.put("url", notice.run().runUrl());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", notice.event().wireName());
        body.put("gate", notice.gateId());
        body.put("run", run);
        body.put("environment", notice.environment());
        body.put("application", notice.application());
        body.put("version", notice.version());
        body.put("releaseDigest", notice.releaseDigest());
        body.put("link", notice.run().gateUrl());
        body.put("time", notice.time().toString());
        body.put("deadline", notice.deadline().toString());
        body.put("state", notice.state().name());
        body.put("progress", notice.progress());
        body.put("actor", notice.actor());
        return CanonicalJson.writeValue(body);
    }
}
