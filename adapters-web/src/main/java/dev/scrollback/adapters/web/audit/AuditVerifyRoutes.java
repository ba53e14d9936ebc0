package dev.scrollback.adapters.web.audit;

import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.application.audit.AuditVerification;
import dev.scrollback.application.audit.VerifyAuditLog;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/audit/verify} (issue 7, decision 0020): recomputes the log's hash chain and checks every signed
 * checkpoint; answers {@code {verified, events, checkpoints, firstBadPosition?, reason?}} with 200 either way (a log
 * that does not verify is a finding, not an error). Sysops and auditors only (the use case checks).
 */
public final class AuditVerifyRoutes implements Routes {
    static final String PATH = "/api/v1/audit/verify";

    private final VerifyAuditLog verifyAuditLog;
    private final Authentication authentication;

    public AuditVerifyRoutes(VerifyAuditLog verifyAuditLog, Authentication authentication) {
        this.verifyAuditLog = verifyAuditLog;
        this.authentication = authentication;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(PATH, this::verify);
    }

    @Override
    public void describe(Api api) {
        api.get(PATH).summary("Verifies the log's hash chain and signed checkpoints; names the first bad position (sysops and auditors)")
                .authenticated().answers(200, Verification.class).problems(403);
    }

    private void verify(Context ctx) {
        var caller = authentication.caller(ctx);
        ctx.json(body(verifyAuditLog.verify(caller)));
    }

    /** For the OpenAPI document; the answer leaves out {@code firstBadPosition} and {@code reason} when verified. */
    record Verification(boolean verified, long events, long checkpoints, Long firstBadPosition, String reason) {}

    static Map<String, Object> body(AuditVerification result) {
        var body = new LinkedHashMap<String, Object>();
        body.put("verified", result.verified());
        body.put("events", result.events());
        body.put("checkpoints", result.checkpoints());
        result.firstBadPosition().ifPresent(position -> body.put("firstBadPosition", position));
        result.reason().ifPresent(reason -> body.put("reason", reason));
        return body;
    }
}
