package deck

import (
	"bytes"
	"fmt"
	"image/png"

	"github.com/cxmap/cxmap/pkg/inputs"
	"github.com/cxmap/cxmap/pkg/render/raster"
	"github.com/cxmap/cxmap/pkg/theme"
)

// Logo is a theme's logo as PNG, the one picture a themed deck holds (on
// the title slide and in the footer of every slide). An SVG logo is drawn
// to PNG by pkg/render/raster, as render draws it (raster.SVGLogoImage).
type Logo struct {
	PNG  []byte
	W, H int // pixels
}

// logoPx is the height an SVG logo is drawn at: sharp at the title slide's
// size on a 4K projector.
const logoPx = 256

func loadLogo(path string) (*Logo, error) {
	data, err := inputs.ReadFile(path, theme.MaxAsset)
	if err != nil {
		return nil, err
	}
	if bytes.HasPrefix(data, []byte("\x89PNG")) {
		cfg, err := png.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		return &Logo{PNG: data, W: cfg.Width, H: cfg.Height}, nil
	}
	img, err := raster.SVGLogoImage(data, logoPx)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		return nil, err
	}
	return &Logo{PNG: b.Bytes(), W: img.Bounds().Dx(), H: img.Bounds().Dy()}, nil
}
