package raster
