package dev.usersession.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** Sends a request with headers as raw bytes (any bytes, unlike HttpClient) and reads the response. */
final class RawHttp {

    private RawHttp() {}

    /** A status code and the rest of the response as text (headers and body, chunk sizes included). */
    record Response(int status, String text) {}

    static int getStatus(URL base, String path, String header) {
        return get(base, path, header).status();
    }

    /** Sends a GET with the header lines given (UTF-8 encoded, so {@code é} goes as two raw bytes). */
    static Response get(URL base, String path, String header) {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            return exchange(
                    socket,
                    "GET " + base.getPath() + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                            + "\r\n" + header + "\r\nConnection: close\r\n\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends a same-origin JSON POST from a client socket bound to {@code clientAddress} (on Linux every 127.x.y.z is
     * the loopback, so one machine can be many clients).
     */
    static Response postJson(URL base, String path, InetAddress clientAddress, String json) {
        // To the IPv4 loopback whatever the base names: a socket bound to 127.0.0.x cannot reach ::1.
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), base.getPort(), clientAddress, 0)) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            String origin = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
            return exchange(
                    socket,
                    "POST " + base.getPath() + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":"
                            + base.getPort() + "\r\nOrigin: " + origin + "\r\nContent-Type: application/json\r\n"
                            + "Accept: application/json\r\nContent-Length: " + body.length
                            + "\r\nConnection: close\r\n\r\n" + json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response exchange(Socket socket, String request) {
        try {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String statusLine = in.readLine();
            StringBuilder text = new StringBuilder();
            char[] chunk = new char[8192];
            for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                text.append(chunk, 0, read);
            }
            return new Response(Integer.parseInt(statusLine.split(" ")[1]), text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
