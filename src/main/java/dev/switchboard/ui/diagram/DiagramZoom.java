package dev.switchboard.ui.diagram;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lays the diagram out at the size it is shown instead of scaling a picture: for a zoom factor it
 * writes {@code diagram.css} again with every size of the diagram's rules (fonts, padding, spacing,
 * insets, strokes) multiplied by the factor, and says when the text would be too small to read so the
 * diagram drops detail instead. Under the software renderer text drawn under a scale transform
 * becomes paths at about half a frame's cost; text laid out at its real size stays glyphs from the
 * glyph cache.
 */
final class DiagramZoom {

    /** The font size (logical px) of diagram text that has no size of its own. */
    static final double BASE_FONT_PX = 12;
    /**
     * Body text (11 logical px) below this many screen pixels is dropped rather than drawn. At 7 the
     * window at its own size (1400 × 900, zoom 0.70) keeps its worker labels and tallies at 7.7 px.
     */
    static final double READABLE_BODY_PX = 7;
    static final double BODY_FONT_PX = 11;
    /** Zoom factors are rounded to this step, so a resize of a few pixels does not restyle the diagram. */
    static final double STEP = 0.02;

    private static final Set<String> SIZE_PROPERTIES = Set.of("-fx-font-size", "-fx-padding", "-fx-spacing",
            "-fx-background-insets", "-fx-background-radius", "-fx-border-width", "-fx-border-insets",
            "-fx-border-radius", "-fx-stroke-width", "-fx-stroke-dash-array", "-fx-min-width", "-fx-pref-width",
            "-fx-max-width", "-fx-min-height", "-fx-pref-height", "-fx-max-height", "-fx-hgap", "-fx-vgap");
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^}]*)}");
    private static final Pattern NUMBER = Pattern.compile("(?<![#\\w.-])(\\d*\\.?\\d+)");
    private static final String DIAGRAM_CSS = read(DiagramStyles.STYLESHEET);
    private static final String PRESENTER_CSS = read(DiagramStyles.PRESENTER_STYLESHEET);

    private DiagramZoom() {
    }

    /** The zoom rounded to {@link #STEP}, never below 0.05. */
    static double quantize(double zoom) {
        return Math.max(0.05, Math.round(zoom / STEP) * STEP);
    }

    /** Whether body text at this zoom is too small to read, so the diagram shows less. */
    static boolean lowDetail(double zoom) {
        return zoom * BODY_FONT_PX < READABLE_BODY_PX;
    }

    /**
     * The sizes of diagram.css's own rules (those under {@code .diagram} or a worker slot) multiplied by
     * {@code zoom}, and in presenter mode its larger text after them, as CSS text. The diagram puts it
     * among its own stylesheets, which win over the scene's: the scene keeps diagram.css for the colours
     * and everything outside the diagram (the legend keeps its size), and a new zoom restyles the diagram
     * alone, not the whole window.
     */
    static String stylesheet(double zoom, boolean presenter) {
        StringBuilder out = new StringBuilder();
        scaled(DIAGRAM_CSS, zoom, out);
        if (presenter) {
            scaled(PRESENTER_CSS, zoom, out);
        }
        out.append(".diagram { -fx-font-size: ").append(number(BASE_FONT_PX * zoom)).append("px; }\n");
        return out.toString();
    }

    /** The stylesheet as a data URL that {@code getStylesheets()} accepts. */
    static String dataUrl(double zoom, boolean presenter) {
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(
                stylesheet(zoom, presenter).getBytes(StandardCharsets.UTF_8));
    }

    /** The diagram's own rules of {@code css} (under {@code .diagram} or a worker slot), their sizes only, scaled. */
    private static void scaled(String css, double zoom, StringBuilder out) {
        Matcher rule = RULE.matcher(css.replaceAll("(?s)/\\*.*?\\*/", ""));
        while (rule.find()) {
            String selectors = rule.group(1).trim();
            boolean diagramOwn = true;
            for (String selector : selectors.split(",")) {
                String s = selector.trim();
                diagramOwn &= s.startsWith(".diagram ") || s.startsWith(".diagram:") || s.startsWith(".diagram.")
                        || s.equals(".diagram") || s.startsWith(".worker-slot");
            }
            if (!diagramOwn) {
                continue;
            }
            StringBuilder body = new StringBuilder();
            for (String declaration : rule.group(2).split(";")) {
                int colon = declaration.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String property = declaration.substring(0, colon).trim();
                if (SIZE_PROPERTIES.contains(property)) {
                    body.append(property).append(": ")
                            .append(scaleNumbers(declaration.substring(colon + 1).trim(), zoom)).append("; ");
                }
            }
            if (body.length() > 0) {
                out.append(selectors).append(" { ").append(body).append("}\n");
            }
        }
    }

    static String scaleNumbers(String value, double zoom) {
        Matcher m = NUMBER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, number(Double.parseDouble(m.group(1)) * zoom));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Two decimals, rounded half up, as {@code %.2f} writes it (at a tenth of its cost: a zoom writes hundreds). */
    private static String number(double value) {
        return java.math.BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String read(String resource) {
        try (InputStream in = DiagramZoom.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
