package org.baeum.base.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text for the portal's PDFs (certificates, the learning history): what an embedded font can show, and lines that
 * fit a width. Korean text has few spaces, so a line also breaks inside a word that is longer than the width.
 */
public final class PdfText {

    private PdfText() {
    }

    /** The text with each character the font cannot show replaced by {@code ?}, and any white space by a space. */
    public static String printable(PDFont font, String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> {
            String one = Character.isWhitespace(cp) ? " " : new String(Character.toChars(cp));
            try {
                font.encode(one);
                out.append(one);
            } catch (IllegalArgumentException | IOException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    /** Greedy line breaking at spaces, or anywhere in a word longer than a line (Korean words, URLs). */
    public static List<String> wrap(PDFont font, String s, float size, float maxWidth) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, candidate, size) <= maxWidth) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            for (int cp : word.codePoints().toArray()) {
                String next = line.toString() + new String(Character.toChars(cp));
                if (width(font, next, size) > maxWidth && !line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.appendCodePoint(cp);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The width of the text in points at this size. */
    public static float width(PDFont font, String s, float size) throws IOException {
        return font.getStringWidth(s) / 1000 * size;
    }
}
