package id.tapak.core.publish.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The fast PNG encoder round-trips exactly through ImageIO's decoder, with and without alpha. */
class PngEncoderTest {

  @Test
  void roundTripsArgbAndRgb() throws IOException {
    Random rnd = new Random(42);
    for (int type : new int[] {BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_RGB}) {
      BufferedImage img = new BufferedImage(37, 23, type);
      for (int y = 0; y < 23; y++) {
        for (int x = 0; x < 37; x++) {
          img.setRGB(x, y, x < 10 ? 0x80FF0000 : rnd.nextInt());
        }
      }
      BufferedImage back = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(img)));
      assertEquals(37, back.getWidth());
      int[] want = img.getRGB(0, 0, 37, 23, null, 0, 37);
      int[] got = back.getRGB(0, 0, 37, 23, null, 0, 37);
      assertArrayEquals(want, got, "type " + type);
    }
  }
}
