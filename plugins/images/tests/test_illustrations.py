import io

from PIL import Image

from plugins.images.illustrations import plan, resize


def photo(width, height, mode="RGB", orientation=None) -> bytes:
    image = Image.new(mode, (width, height), (200, 120, 40, 255)[: len(mode)])
    out = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "Appareil"  # camera maker: must not be published
    if orientation:
        exif[0x0112] = orientation
    image.save(out, "PNG" if "A" in mode else "JPEG", exif=exif.tobytes())
    return out.getvalue()


def test_sizes_are_never_upscaled_and_come_in_webp_and_jpeg():
    variants = plan(photo(1000, 500))
    assert sorted({v.width for v in variants}) == [480, 768, 1000]
    assert {v.format for v in variants} == {"webp", "jpeg"}
    assert all(v.height == v.width // 2 for v in variants)


def test_transparent_images_fall_back_to_png():
    assert {v.format for v in plan(photo(600, 600, "RGBA"))} == {"webp", "png"}


def test_resized_file_has_the_planned_size_and_no_camera_metadata():
    data = photo(1000, 500)
    for variant in plan(data):
        image = Image.open(io.BytesIO(resize(data, variant)))
        assert image.size == (variant.width, variant.height)
        assert image.format.lower() == variant.format
        assert not image.getexif()


def test_phone_rotation_is_applied():
    data = photo(800, 400, orientation=6)  # rotated 90°: displayed 400 wide, 800 high
    variant = plan(data)[-1]
    assert (variant.width, variant.height) == (400, 800)
