import colorsys

for rgb in [(0.0, 0.0, 0.0), (1.0, 1.0, 1.0), (0.25, 0.5, 0.75), (0.9, 0.1, 0.3)]:
    h, l, s = colorsys.rgb_to_hls(*rgb)
    back = colorsys.hls_to_rgb(h, l, s)
    print([round(x, 6) for x in back], [round(x, 6) for x in colorsys.hsv_to_rgb(*colorsys.rgb_to_hsv(*rgb))])
print(colorsys.yiq_to_rgb(0.5, 0.1, -0.1))
