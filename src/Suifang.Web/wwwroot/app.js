// Downloads a file that a page produced (templates, exports) without leaving the page.
window.suifang = {
  download: (fileName, contentType, base64) => {
    const link = document.createElement('a');
    link.href = `data:${contentType};base64,${base64}`;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
  },
};
