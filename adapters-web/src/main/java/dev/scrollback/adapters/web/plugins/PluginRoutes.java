package dev.scrollback.adapters.web.plugins;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scrollback.adapters.web.Routes;
import dev.scrollback.adapters.web.accounts.ApiKeyProblems;
import dev.scrollback.adapters.web.accounts.Authentication;
import dev.scrollback.adapters.web.shared.Api;
import dev.scrollback.adapters.web.shared.BodyLimit;
import dev.scrollback.adapters.web.shared.Json;
import dev.scrollback.adapters.web.shared.JsonBody;
import dev.scrollback.adapters.web.shared.Problem;
import dev.scrollback.adapters.web.shared.RequestOrigin;
import dev.scrollback.adapters.web.shared.ValidationFailed;
import dev.scrollback.application.accounts.Caller;
import dev.scrollback.application.plugins.ListPlugins;
import dev.scrollback.application.plugins.ManagePlugins;
import dev.scrollback.application.plugins.PluginPackage;
import dev.scrollback.application.plugins.Plugins;
import dev.scrollback.application.plugins.ReviewPlugins;
import dev.scrollback.application.plugins.SubmitPlugin;
import dev.scrollback.application.shared.Origin;
import dev.scrollback.domain.plugins.PluginId;
import dev.scrollback.domain.shared.InvalidValue;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The plugin registry over REST (issue 6 item 5): a member submits a package — the manifest's TOML text and the code
 * in base64, in a body of its own limit, as large as the largest package allowed — and hears at once what the scan
 * found; sysops list the registry and approve and publish what passed. Each step is an event (SPEC §3).
 */
public final class PluginRoutes implements Routes {
    static final String SUBMIT = "/api/v1/plugins";
    static final String REGISTRY = "/api/v1/admin/plugins";
    static final String PLUGIN = REGISTRY + "/{id}";

    /** The longest base64 text of a package's code: 4 characters for every 3 bytes or part of them. */
    static final int MAX_CODE_BASE64_CHARS = 4 * ((PluginPackage.MAX_CODE_BYTES + 2) / 3);
    /**
     * The largest submission body: the code in base64, the manifest as a JSON string in which every byte may be escaped
     * (6 characters at most: a backslash, u and four hexadecimal digits), and room for the field names and whitespace.
     */
    static final long MAX_SUBMISSION_BYTES = MAX_CODE_BASE64_CHARS + 6L * PluginPackage.MAX_MANIFEST_BYTES + 4 * 1024;
    private static final ObjectMapper SUBMISSION_JSON = Json.withStringsUpTo(MAX_CODE_BASE64_CHARS);

    private final SubmitPlugin submit;
    private final ReviewPlugins review;
    private final ListPlugins list;
    private final ManagePlugins manage;
    private final Authentication authentication;

    public PluginRoutes(SubmitPlugin submit, ReviewPlugins review, ListPlugins list, ManagePlugins manage,
                        Authentication authentication) {
        this.submit = submit;
        this.review = review;
        this.list = list;
        this.manage = manage;
        this.authentication = authentication;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(SUBMIT, this::submit);
        routes.get(REGISTRY, this::list);
        routes.post(PLUGIN + "/approve", ctx -> step(ctx, review::approve));
        routes.post(PLUGIN + "/publish", ctx -> step(ctx, review::publish));
        routes.post(PLUGIN + "/rescan", this::rescan);
        routes.post(PLUGIN + "/install", this::install);
        routes.post(PLUGIN + "/enable", ctx -> step(ctx, manage::enable));
        routes.post(PLUGIN + "/disable", ctx -> step(ctx, manage::disable));
        routes.post(PLUGIN + "/uninstall", ctx -> step(ctx, manage::uninstall));
        PluginProblems.addTo(routes);
        ApiKeyProblems.addTo(routes);                   // an API key: 403, the registry needs an interactive login
    }

    @Override
    public List<BodyLimit> bodyLimits() {
        return List.of(new BodyLimit("POST", SUBMIT, MAX_SUBMISSION_BYTES));
    }

    @Override
    public void describe(Api api) {
        api.post(SUBMIT).summary("Submit a plugin package (manifest TOML and base64 code); it is scanned at once").authenticated()
                .body(PackageForm.class).answers(201, Submitted.class).problems(400, 403, 413, 422, 429);
        api.get(REGISTRY).summary("Sysop: every submitted plugin version and where it is in its lifecycle").authenticated()
                .answers(200, Registry.class).problems(403);
        api.post(PLUGIN + "/approve").summary("Sysop: approve a plugin whose scan passed").authenticated()
                .answers(200, Reviewed.class).problems(400, 403, 404, 409);
        api.post(PLUGIN + "/publish").summary("Sysop: publish an approved plugin, so that it can be installed").authenticated()
                .answers(200, Reviewed.class).problems(400, 403, 404, 409);
        api.post(PLUGIN + "/rescan").summary("Sysop: scan a submitted plugin again from its kept package, before review")
                .authenticated().answers(200, Rescanned.class).problems(400, 403, 404, 409, 422);
        api.post(PLUGIN + "/install").summary("Sysop: install a published plugin, with a trusted publisher's Ed25519 signature "
                + "over its package's SHA-256").authenticated().body(InstallForm.class).answers(200, Installed.class)
                .problems(400, 403, 404, 409, 422);
        api.post(PLUGIN + "/enable").summary("Sysop: turn an installed plugin on").authenticated()
                .answers(200, Reviewed.class).problems(400, 403, 404, 409);
        api.post(PLUGIN + "/disable").summary("Sysop: turn an installed plugin off").authenticated()
                .answers(200, Reviewed.class).problems(400, 403, 404, 409);
        api.post(PLUGIN + "/uninstall").summary("Sysop: remove an installed plugin (it stays published)").authenticated()
                .answers(200, Reviewed.class).problems(400, 403, 404, 409);
    }

    private void rescan(Context ctx) {
        var verdict = review.rescan(authentication.caller(ctx), id(ctx), RequestOrigin.of(ctx));
        ctx.json(new Rescanned(ctx.pathParam("id"), verdict.passed(), verdict.findings()));
    }

    private void install(Context ctx) {
        var caller = authentication.caller(ctx);
        var form = JsonBody.read(ctx, InstallForm.class);
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(JsonBody.required(form.signature(), "signature"));
        } catch (IllegalArgumentException e) {
            throw ValidationFailed.field("signature", "must be the Ed25519 signature in base64");
        }
        var signer = manage.install(caller, id(ctx), signature, RequestOrigin.of(ctx));
        ctx.json(new Installed(ctx.pathParam("id"), signer.isPresent(), signer.map(k -> k.value())));
    }

    private void submit(Context ctx) {
        var caller = authentication.caller(ctx);
        var form = JsonBody.read(ctx, PackageForm.class, SUBMISSION_JSON);
        var manifest = JsonBody.required(form.manifest(), "manifest").getBytes(StandardCharsets.UTF_8);
        byte[] code;
        try {
            code = Base64.getDecoder().decode(JsonBody.required(form.code(), "code"));
        } catch (IllegalArgumentException e) {
            throw ValidationFailed.field("code", "must be the code in base64");
        }
        if (manifest.length > PluginPackage.MAX_MANIFEST_BYTES) {
            tooLarge("manifest", manifest.length, PluginPackage.MAX_MANIFEST_BYTES).writeTo(ctx);
            return;
        }
        if (code.length > PluginPackage.MAX_CODE_BYTES) {
            tooLarge("code", code.length, PluginPackage.MAX_CODE_BYTES).writeTo(ctx);
            return;
        }
        PluginPackage content;
        try {
            content = new PluginPackage(manifest, code);
        } catch (IllegalArgumentException e) {
            throw ValidationFailed.request(e.getMessage());
        }
        var submitted = submit.submit(caller, content, RequestOrigin.of(ctx));
        ctx.status(HttpStatus.CREATED).json(new Submitted(submitted.plugin().value().toString(), submitted.sha256().hex(),
                submitted.passed(), submitted.findings()));
    }

    /** A part over its size is too large, as a body over its limit is (413), not merely invalid. */
    private static Problem tooLarge(String part, int bytes, int max) {
        return Problem.forStatus(413).withDetail("The " + part + " is " + bytes + " bytes; a package's " + part
                + " may be at most " + max + " bytes.").withField(part);
    }

    private void list(Context ctx) {
        var entries = list.list(authentication.caller(ctx));
        ctx.json(new Registry(entries.stream().map(PluginRoutes::view).toList()));
    }

    /** A sysop's step on one plugin, answering whether it recorded anything. */
    private interface Step {
        boolean take(Caller caller, PluginId plugin, Origin origin);
    }

    private void step(Context ctx, Step step) {
        var changed = step.take(authentication.caller(ctx), id(ctx), RequestOrigin.of(ctx));
        ctx.json(new Reviewed(ctx.pathParam("id"), changed));
    }

    /** The plugin version named by the path's {@code {id}}; a 400 naming the field when it is not one. */
    static PluginId id(Context ctx) {
        try {
            return PluginId.parse(ctx.pathParam("id"));
        } catch (InvalidValue e) {
            throw ValidationFailed.field("id", "is not a plugin id (a UUID like 0190c1e2-7b3a-7c4d-8e5f-000000000000)");
        }
    }

    private static PluginView view(Plugins.Entry entry) {
        return new PluginView(entry.id().value().toString(), entry.name().value(), entry.version().toString(),
                entry.engine().wireName(), entry.sha256().hex(), entry.status().wireName(), entry.submittedBy().value(),
                entry.submittedAt(), entry.findings(), entry.faults());
    }

    /** {@code manifest}: the text of plugin.toml; {@code code}: the module or script its entry point names, in base64. */
    record PackageForm(String manifest, String code) {}

    /**
     * {@code sha256}: the package's hash, what a publisher signs for it to be installed; {@code findings}: what the scan
     * found, one line each (a passed scan may carry warnings).
     */
    record Submitted(String id, String sha256, boolean passed, List<String> findings) {}

    record Rescanned(String id, boolean passed, List<String> findings) {}

    /** {@code signature}: a trusted publisher's Ed25519 signature over the package's {@code sha256} text, in base64. */
    record InstallForm(String signature) {}

    /** {@code publisherKey}: the trusted key that signed it; absent when it was installed already. */
    record Installed(String id, boolean changed, Optional<String> publisherKey) {}

    /** {@code sha256}: the package's hash, as the submission answered it: what a publisher signs for an install. */
    record PluginView(String id, String name, String version, String engine, String sha256, String status,
                      String submittedBy, Instant submittedAt, List<String> findings, long faults) {}

    record Registry(List<PluginView> plugins) {}

    /** {@code changed}: false when it was so already (approving twice records nothing). */
    record Reviewed(String id, boolean changed) {}
}
