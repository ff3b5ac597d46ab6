package dev.compressweep.orchestrator.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/** TCP ports of this machine: on the loopback interface, where local services listen, or on another address of it. */
public final class LocalPorts {

    /** The address local services bind to. */
    public static final String HOST = "127.0.0.1";

    private LocalPorts() {}

    /** Whether nothing listens on {@code port} of {@value #HOST} (so a service may bind it). */
    public static boolean isFree(int port) {
        return isFree(HOST, port);
    }

    /** Whether nothing listens on {@code port} of {@code host}, an address of this machine. */
    public static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port that was free a moment ago, chosen by the operating system. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + HOST, e);
        }
    }

    /** {@code preferred} when it is free, otherwise a free port chosen by the operating system. */
    public static int preferred(int preferred) {
        return isFree(preferred) ? preferred : free();
    }

    /**
     * Refuses to start {@code service} on a port that is taken.
     *
     * @throws ServiceException naming the service and the port
     */
    public static void requireFree(String service, int port) {
        requireFree(service, HOST, port);
    }

    /**
     * Refuses to start {@code service} on {@code host:port} when that is taken or not an address of this machine.
     *
     * @throws ServiceException naming the service and the address
     */
    public static void requireFree(String service, String host, int port) {
        if (!isFree(host, port)) {
            throw new ServiceException("cannot start the " + service + ": port " + host + ":" + port
                    + " is already in use or not an address of this machine");
        }
    }

    /** Whether {@code host:port} accepts a TCP connection within {@code timeout}. */
    public static boolean accepts(String host, int port, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
