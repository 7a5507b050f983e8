package dev.usersession.example;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS that trusts every certificate, to reach the test servers' HTTPS listeners: each presents a self-signed
 * certificate (WildFly makes one for {@code localhost} at its first HTTPS connection and keeps it in its configuration
 * directory; Payara Micro ships one), which the tests read from the server rather than from the server's files.
 */
final class TrustingTls {

    private TrustingTls() {
    }

    /** @return a TLS context that accepts any server certificate, whatever host name it names */
    static SSLContext context() {
        TrustManager trustAll = new X509ExtendedTrustManager() { // extended: no host name check either
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustAll}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JDK offers no TLS", e);
        }
    }

    /** @return the certificate the server at {@code host:port} presents in a TLS handshake (the first of its chain) */
    static X509Certificate certificate(String host, int port) throws IOException {
        try (SSLSocket socket = (SSLSocket) context().getSocketFactory().createSocket(host, port)) {
            socket.setSoTimeout(30_000);
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }
}
