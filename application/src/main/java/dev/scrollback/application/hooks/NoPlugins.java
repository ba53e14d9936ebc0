package dev.scrollback.application.hooks;

import java.util.List;

/** {@link PluginHooks#none()}: a BBS without plugins, for use cases built without the plugin runtime (tests). */
enum NoPlugins implements PluginHooks {
    INSTANCE;

    @Override
    public ContentVerdict filterMessage(MessageDraft draft) {
        return new ContentVerdict.Accepted(draft.text(), List.of());
    }

    @Override
    public void messagePosted(PostedMessage message) {}

    @Override
    public List<String> userLoggedIn(LoginFacts login) {
        return List.of();
    }

    @Override
    public void sessionStarted(SessionFacts session) {}

    @Override
    public void sessionEnded(SessionFacts session, String reason) {}

    @Override
    public List<MenuItem> menuItems(MenuViewer viewer) {
        return List.of();
    }

    @Override
    public List<String> commands() {
        return List.of();
    }

    @Override
    public CommandAnswer runCommand(CommandRequest request) {
        return new CommandAnswer.Unavailable("there is no command " + request.plugin());
    }
}
