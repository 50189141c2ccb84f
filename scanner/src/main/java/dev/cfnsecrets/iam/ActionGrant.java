package dev.cfnsecrets.iam;

import dev.cfnsecrets.source.Node;

/**
 * How a statement covers one action: through the {@code Action} pattern {@code via}, or — when
 * {@code throughNotAction} — because its {@code NotAction} list does not exclude it.
 */
public record ActionGrant(String action, PolicyString via, boolean throughNotAction, Node anchor) {

    /**
     * How the action is reached, empty when named exactly: {@code through lambda:Get*, which covers
     * 27 actions} or {@code not excluded by NotAction}.
     */
    public String way() {
        if (throughNotAction) {
            return "not excluded by NotAction";
        }
        if (via.glob().equalsIgnoreCase(action)) {
            return "";
        }
        int covered = ActionCatalog.bundled().expand(via.glob()).size();
        return "through "
                + via.shown()
                + (via.glob().contains(":") && covered > 1
                        ? ", which covers " + covered + " actions"
                        : "");
    }
}
