package dev.usersession.internal.onetimecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class QrCodesTest {

    private static final String URI = OneTimeCodeAlgorithm.standard()
            .otpauthUri("Shop & Co", "ann@example.com", "12345678901234567890".getBytes(StandardCharsets.US_ASCII));
    private static final Pattern RUN = Pattern.compile("M(\\d+),(\\d+)h(\\d+)v1h-\\3z");
    private static final int PIXELS_PER_MODULE = 4;

    @Test
    void svgIsWellFormedXmlWithAQuietZoneAndCrispEdges() throws Exception {
        Element svg = parse(QrCodes.svg(URI));

        assertEquals("svg", svg.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", svg.getNamespaceURI());
        assertEquals("crispEdges", svg.getAttribute("shape-rendering"));
        int size = viewBoxSize(svg);
        // The URI's 145 bytes need a version 8 code at level M (49 modules), plus 4 modules of quiet zone either side.
        assertEquals(145, URI.length());
        assertEquals(49 + 8, size);
        assertTrue(QrCodes.svg(URI).length() < 16_000, "runs of modules keep the SVG small");
        boolean[][] modules = modules(svg, size);
        for (int i = 0; i < size; i++) {
            for (int quiet = 0; quiet < 4; quiet++) {
                assertFalse(
                        modules[quiet][i]
                                || modules[size - 1 - quiet][i]
                                || modules[i][quiet]
                                || modules[i][size - 1 - quiet],
                        "quiet zone at " + quiet + "," + i);
            }
        }
        assertFalse(QrCodes.svg(URI).contains("GEZDGNBVGY3TQOJQ"), "the secret appears only as modules");
    }

    @Test
    void svgReadsBackAsTheText() throws Exception {
        Element svg = parse(QrCodes.svg(URI));
        int size = viewBoxSize(svg);
        boolean[][] modules = modules(svg, size);
        int side = size * PIXELS_PER_MODULE;
        int[] pixels = new int[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                boolean dark = modules[y / PIXELS_PER_MODULE][x / PIXELS_PER_MODULE];
                pixels[y * side + x] = dark ? 0xff000000 : 0xffffffff;
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(side, side, pixels)));

        assertEquals(URI, new QRCodeReader().decode(bitmap).getText());
    }

    @Test
    void dataUriCarriesTheSvgInBase64() {
        String uri = QrCodes.svgDataUri(URI);
        String prefix = "data:image/svg+xml;base64,";

        assertTrue(uri.startsWith(prefix));
        assertEquals(
                QrCodes.svg(URI),
                new String(Base64.getDecoder().decode(uri.substring(prefix.length())), StandardCharsets.UTF_8));
    }

    @Test
    void textTooLongForAQrCodeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> QrCodes.svg("x".repeat(5000)));
    }

    private static Element parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    private static int viewBoxSize(Element svg) {
        String[] viewBox = svg.getAttribute("viewBox").split(" ");
        assertEquals(4, viewBox.length);
        assertEquals(viewBox[2], viewBox[3], "square");
        return Integer.parseInt(viewBox[2]);
    }

    /** The dark modules, [row][column], from the path's runs; the path must consist of runs only. */
    private static boolean[][] modules(Element svg, int size) {
        String path = ((Element) svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path")
                        .item(0))
                .getAttribute("d");
        boolean[][] modules = new boolean[size][size];
        Matcher run = RUN.matcher(path);
        int end = 0;
        while (run.find()) {
            assertEquals(end, run.start(), "only runs in the path");
            int x = Integer.parseInt(run.group(1));
            int y = Integer.parseInt(run.group(2));
            for (int i = 0; i < Integer.parseInt(run.group(3)); i++) {
                modules[y][x + i] = true;
            }
            end = run.end();
        }
        assertEquals(path.length(), end, "only runs in the path");
        return modules;
    }
}
