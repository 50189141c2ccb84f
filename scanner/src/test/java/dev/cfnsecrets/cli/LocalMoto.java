package dev.cfnsecrets.cli;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link MotoServer} for a live-mode test class: started before the class's own
 * {@code @BeforeAll} (which deploys into it), the AWS SDK pointed at it by {@link LocalAws}, and
 * stopped after the class's {@code @AfterAll}.
 */
final class LocalMoto implements BeforeAllCallback, AfterAllCallback {
    private MotoServer server;

    /** The running server, for the clients that deploy into it. */
    MotoServer server() {
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = MotoServer.start();
        LocalAws.use(server.endpoint());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        LocalAws.clear();
        if (server != null) {
            server.close();
        }
    }
}
