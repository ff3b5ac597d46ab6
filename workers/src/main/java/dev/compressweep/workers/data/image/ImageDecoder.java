package dev.compressweep.workers.data.image;

import dev.compressweep.workers.data.ImageShape;
import java.awt.color.ColorSpace;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Decodes an image file with {@link ImageIO} (PNG, JPEG and BMP are built into the JDK) and turns it into unsigned
 * bytes of a given shape, channels first: grey becomes colour by repeating it, colour becomes grey by its luminance
 * ({@code 0.299 R + 0.587 G + 0.114 B}, ITU-R BT.601), alpha is dropped, 16-bit grey is scaled to 8 bits, and the
 * image is resized with bilinear interpolation ({@link AffineTransformOp} on rasters, so no display is needed).
 * Stateless and thread-safe.
 */
final class ImageDecoder {

    private ImageDecoder() {}

    /**
     * Reads {@code file}.
     *
     * @throws IOException whose message says why the file is not an image this decoder can read
     */
    static BufferedImage read(Path file) throws IOException {
        if (Files.size(file) == 0) {
            throw new IOException("empty file");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IOException("corrupt or truncated image: " + why, e);
        }
        if (image == null) {
            throw new IOException("not a PNG, JPEG or BMP image");
        }
        return image;
    }

    /** The channels an image has once alpha is dropped: 1 for grey, 3 for colour. */
    static int channels(BufferedImage image) {
        return isGrey(image.getColorModel()) ? 1 : 3;
    }

    /** The pixels of {@code image} converted and resized to {@code shape}, channels first. */
    static byte[] pixels(BufferedImage image, ImageShape shape) {
        WritableRaster converted = convert(image, shape.channels());
        WritableRaster sized = converted;
        if (image.getWidth() != shape.width() || image.getHeight() != shape.height()) {
            sized = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, shape.width(), shape.height(),
                    shape.channels(), null);
            AffineTransform scale = AffineTransform.getScaleInstance((double) shape.width() / image.getWidth(),
                    (double) shape.height() / image.getHeight());
            new AffineTransformOp(scale, AffineTransformOp.TYPE_BILINEAR).filter(converted, sized);
        }
        int plane = shape.height() * shape.width();
        byte[] out = new byte[shape.pixels()];
        int[] pixel = new int[shape.channels()];
        for (int y = 0; y < shape.height(); y++) {
            for (int x = 0; x < shape.width(); x++) {
                sized.getPixel(x, y, pixel);
                for (int c = 0; c < pixel.length; c++) {
                    out[c * plane + y * shape.width() + x] = (byte) pixel[c];
                }
            }
        }
        return out;
    }

    /** The image at its own size as an 8-bit raster of {@code channels} interleaved bands. */
    private static WritableRaster convert(BufferedImage image, int channels) {
        int w = image.getWidth();
        int h = image.getHeight();
        WritableRaster out = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, channels, null);
        if (isGrey(image.getColorModel())) {
            Raster raster = image.getRaster();
            int max = (1 << image.getColorModel().getComponentSize(0)) - 1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int grey = (raster.getSample(x, y, 0) * 255 + max / 2) / max;
                    for (int c = 0; c < channels; c++) {
                        out.setSample(x, y, c, grey);
                    }
                }
            }
            return out;
        }
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = argb[y * w + x];
                int r = (p >> 16) & 0xFF;
                int g = (p >> 8) & 0xFF;
                int b = p & 0xFF;
                if (channels == 1) {
                    out.setSample(x, y, 0, (int) Math.round(0.299 * r + 0.587 * g + 0.114 * b));
                } else {
                    out.setSample(x, y, 0, r);
                    out.setSample(x, y, 1, g);
                    out.setSample(x, y, 2, b);
                }
            }
        }
        return out;
    }

    /**
     * Whether the stored samples are grey levels: read them as they are, since {@link BufferedImage#getRGB} would
     * treat them as linear grey and brighten them.
     */
    private static boolean isGrey(ColorModel model) {
        return !(model instanceof IndexColorModel) && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }
}
