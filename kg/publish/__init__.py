"""Publishing: files in the output folder, pages, embeds, the site."""
