/**
 * The SVG builder escapes everything a user controls, and the renderer never lets such text become markup.
 */
import { shorten, urlLabel, cssColour } from "../../layout/labels";
import { renderLayout } from "../../layout/render";
import { el, escapeAttr, escapeText, formatNumber, serialize } from "../../layout/svg";

describe("svg builder", () => {
  test("text content escapes &, < and >", () => {
    expect(escapeText(`a & b <c> "d"`)).toBe(`a &amp; b &lt;c&gt; "d"`);
  });

  test("attribute values also escape quotes and the whitespace attribute normalisation would eat", () => {
    expect(escapeAttr(`x" onload="alert(1)' \t\n\r`)).toBe(`x&quot; onload=&quot;alert(1)&#39; &#9;&#10;&#13;`);
  });

  test("characters XML cannot carry are replaced, so the document stays well-formed", () => {
    expect(escapeText("a\u0000b\u001Bc\uFFFEd")).toBe("a\uFFFDb\uFFFDc\uFFFDd");
    expect(escapeText("lone \uD800 surrogate")).toBe("lone \uFFFD surrogate");
    expect(escapeText("emoji 😀 stays")).toBe("emoji 😀 stays");
  });

  test("serialize escapes string children and attribute values, and omits undefined/false attributes", () => {
    const node = el("text", { x: 1.236, "data-a": "<&>", "data-b": undefined, "data-c": false, "data-d": true }, "1 < 2 & 3");
    expect(serialize(node)).toBe('<text x="1.24" data-a="&lt;&amp;&gt;" data-d="true">1 &lt; 2 &amp; 3</text>');
  });

  test("element and attribute names are checked, so code mistakes cannot inject markup", () => {
    expect(() => el("g onload=x", {})).toThrow(/invalid element name/);
    expect(() => el("g", { 'x="1" onload': "y" })).toThrow(/invalid attribute name/);
  });

  test("numbers print with at most 2 decimals, tiny values as 0, never as -0 or NaN", () => {
    expect(formatNumber(-0)).toBe("0");
    expect(formatNumber(-0.001)).toBe("0");
    expect(formatNumber(1 / 3)).toBe("0.33");
    expect(formatNumber(1e-7)).toBe("0");
    expect(formatNumber(Number.NaN)).toBe("0");
  });

  test("conditional children (false, null, undefined) are dropped and lists flattened", () => {
    const node = el("g", {}, false, null, undefined, [el("a"), null], el("b"));
    expect(node.children.map((c) => (typeof c === "string" ? c : c.name))).toEqual(["a", "b"]);
  });
});

describe("labels", () => {
  test("urlLabel drops query, fragment and credentials, and marks that a query existed", () => {
    expect(urlLabel("https://u:p@cdn.example.com/a/b.png?sign=XYZ#frag")).toBe("https://cdn.example.com/a/b.png?…");
    expect(urlLabel("https://cdn.example.com/a/b.png")).toBe("https://cdn.example.com/a/b.png");
    expect(urlLabel("not a url?token=abc")).toBe("not a url?…");
    expect(urlLabel("//u:p@host/x.png")).toBe("//host/x.png");
  });

  test("long labels are shortened in the middle, keeping the file name", () => {
    const label = urlLabel(`https://cdn.example.com/${"d/".repeat(60)}final-name.png`);
    expect(Array.from(label).length).toBe(72);
    expect(label.endsWith("final-name.png")).toBe(true);
    expect(shorten("abcdefghij", 5)).toBe("ab…ij");
  });

  test("colours convert from 0xRRGGBB and malformed ones are refused", () => {
    expect(cssColour("0xFF0000")).toBe("#ff0000");
    expect(cssColour("#FF0000")).toBeUndefined();
    expect(cssColour('0xFF0000" onload="x')).toBeUndefined();
  });
});

describe("the renderer escapes user-controlled text", () => {
  const hostile = `</text><script>alert("x")</script>&amp;`;
  const body = {
    WithTranscoding: 1,
    VideoParams: {
      VideoEncode: { Width: 1280, Height: 720, Fps: 15, BitRate: 1500, Gop: 2 },
      BackGroundColor: '0x000000"/><script>alert(1)</script>',
      LayoutParams: {
        MixLayoutMode: 4,
        MixLayoutList: [
          {
            UserMediaStream: { UserInfo: { UserId: hostile, RoomId: "<room>" } },
            ImageWidth: 640,
            ImageHeight: 360,
            BackgroundImageUrl: 'https://x.example.com/"><script>.png',
          },
        ],
      },
      WaterMarkList: [
        {
          WaterMarkType: 1,
          WaterMarkText: { Text: "<b>LIVE</b> & co", WaterMarkWidth: 300, WaterMarkHeight: 60, LocationX: 10, LocationY: 10, FontSize: 30 },
        },
      ],
    },
  };

  test("no raw markup from the input survives; the text is still shown, escaped", () => {
    const { svg } = renderLayout(body, { users: [] });
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("<b>");
    expect(svg).toContain('&lt;/text&gt;&lt;script&gt;alert("x")&lt;/script&gt;&amp;amp;');
    expect(svg).toContain(`data-user-id="&lt;/text&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;amp;"`);
    expect(svg).toContain("&lt;b&gt;LIVE&lt;/b&gt; &amp; co");
    expect(svg).toContain("room &lt;room&gt;");
  });

  test("a malformed background colour falls back to black instead of reaching an attribute", () => {
    const { svg } = renderLayout(body);
    expect(svg).toContain('<rect class="canvas" x="0" y="0" width="1280" height="720" fill="#000000"/>');
  });

  test("every element the drawing opens is closed (a cheap well-formedness check; the browser test parses it)", () => {
    const { svg } = renderLayout(body, { users: ["a"] });
    const opened = (svg.match(/<[a-zA-Z][^>]*[^/]>/g) ?? []).length;
    const closed = (svg.match(/<\/[a-zA-Z][^>]*>/g) ?? []).length;
    expect(opened).toBe(closed);
  });
});
