package dev.scrollback.adapters.persistence.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP relay to a server, that a test can cut (as a network failure would: connections drop, new ones are
 * hung up on at once) and restore. It keeps its port throughout, so a client can reconnect to the same address.
 */
final class TcpProxy implements AutoCloseable {
    private final int target;
    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean relaying = true;

    TcpProxy(int target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    void cut() throws IOException {
        relaying = false;
        for (var socket : sockets) socket.close();
        sockets.clear();
    }

    void restore() {
        relaying = true;
    }

    private void accept() {
        try {
            while (true) {
                var client = listener.accept();
                if (!relaying) {
                    client.close();
                    continue;
                }
                var upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                sockets.add(client);
                sockets.add(upstream);
                relay(client.getInputStream(), upstream.getOutputStream(), client, upstream);
                relay(upstream.getInputStream(), client.getOutputStream(), client, upstream);
            }
        } catch (IOException closed) {
            // the proxy is closed
        }
    }

    private static void relay(InputStream from, OutputStream to, Socket a, Socket b) {
        Thread.ofVirtual().start(() -> {
            try (a; b) {
                from.transferTo(to);
            } catch (IOException e) {
                // one side went away; both close
            }
        });
    }

    @Override
    public void close() throws IOException {
        cut();
        listener.close();
    }
}
