package it.soglia.totp;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Renders text (the key URI) as a black-on-white QR code PNG that phone cameras read at a glance.
 *
 * <p>The PNG is written here, one bit per pixel, rather than through a 24-bit {@code BufferedImage} and ImageIO: a QR
 * code has two colours, and the QR code on the profile page shown after every sign-in took 5.4–5.8 % of the request
 * threads' CPU that way, 2.8 % now, most of it ZXing choosing the mask (BENCHMARKS.md, issue 7). The file is smaller.
 */
public final class QrCode {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int GRAYSCALE = 0;
    private static final int FILTER_NONE = 0;

    private QrCode() {
    }

    public static byte[] png(String text, int sizePixels) {
        BitMatrix matrix = encode(text, sizePixels);
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        ByteArrayOutputStream png = new ByteArrayOutputStream(1024);
        png.writeBytes(SIGNATURE);
        chunk(png, "IHDR", header(width, height));
        chunk(png, "IDAT", deflate(scanlines(matrix)));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static BitMatrix encode(String text, int sizePixels) {
        Map<EncodeHintType, Object> hints = Map.of(
                EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                EncodeHintType.CHARACTER_SET, "UTF-8",
                EncodeHintType.MARGIN, 4); // the quiet zone the QR standard asks for
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, sizePixels, sizePixels, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("text too long for a QR code", e);
        }
    }

    /** Width, height, 1 bit per pixel, grayscale, deflate, no filter method, not interlaced. */
    private static byte[] header(int width, int height) {
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 1;
        header[9] = GRAYSCALE;
        return header;
    }

    /** Each row: a filter byte, then the pixels 8 to a byte, first pixel in the high bit; 1 is white, 0 black. */
    private static byte[] scanlines(BitMatrix matrix) {
        int rowBytes = (matrix.getWidth() + 7) / 8;
        byte[] raw = new byte[matrix.getHeight() * (1 + rowBytes)];
        for (int y = 0; y < matrix.getHeight(); y++) {
            int row = y * (1 + rowBytes);
            raw[row] = FILTER_NONE;
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (!matrix.get(x, y)) {
                    raw[row + 1 + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
        }
        return raw;
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** Length, type, data, and the CRC-32 of type and data. */
    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        byte[] checksum = new byte[4];
        putInt(checksum, 0, (int) crc.getValue());
        png.writeBytes(length);
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        png.writeBytes(checksum);
    }

    private static void putInt(byte[] bytes, int offset, int value) {
        bytes[offset] = (byte) (value >>> 24);
        bytes[offset + 1] = (byte) (value >>> 16);
        bytes[offset + 2] = (byte) (value >>> 8);
        bytes[offset + 3] = (byte) value;
    }
}
