package dev.usersession.internal.onetimecode;

import io.nayuki.qrcodegen.QrCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * QR codes as SVG, for showing an {@code otpauth} URI to an authenticator app's camera (Nayuki's QR Code generator,
 * error correction level M, raised when that fits in the same size). Black modules on white with the quiet zone of
 * four modules that the standard requires; {@code shape-rendering="crispEdges"}; no width or height, so it scales to
 * its box (give it one of at least about 200 CSS pixels).
 *
 * <p>The image carries the text, and for an enrolment that is the secret: serve it with {@code Cache-Control:
 * no-store} and never log it. The text is not repeated anywhere in the SVG.
 */
public final class QrCodes {

    private static final int QUIET_ZONE = 4;

    private QrCodes() {}

    /**
     * @return a standalone SVG document (without an XML declaration, so it can also be put inline in HTML)
     * @throws IllegalArgumentException when the text is too long for a QR code
     */
    public static String svg(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = qr.size + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            int x = 0;
            while (x < qr.size) {
                if (!qr.getModule(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < qr.size && qr.getModule(x, y)) {
                    x++;
                }
                int run = x - start;
                path.append('M')
                        .append(start + QUIET_ZONE)
                        .append(',')
                        .append(y + QUIET_ZONE)
                        .append('h')
                        .append(run)
                        .append("v1h-")
                        .append(run)
                        .append('z');
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/>"
                + "<path d=\"" + path + "\" fill=\"#000\"/></svg>\n";
    }

    /** @return the {@link #svg} as a {@code data:image/svg+xml;base64,...} URI, for an {@code img} element's src */
    public static String svgDataUri(String text) {
        return "data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg(text).getBytes(StandardCharsets.UTF_8));
    }
}
