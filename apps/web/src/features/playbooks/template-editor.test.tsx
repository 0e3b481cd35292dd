import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { sampleValues, TemplateEditor } from "./template-editor";

function Harness({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  return (
    <TemplateEditor
      label="First message"
      value={value}
      onChange={setValue}
      samples={sampleValues({ agentName: "Sam", businessName: "Acme Roofing" })}
    />
  );
}

const preview = () => screen.getByTestId("template-preview").textContent;
const segments = () => screen.getByTestId("segment-count").textContent;

describe("TemplateEditor", () => {
  it("previews merge fields with sample values and counts one GSM-7 segment", () => {
    render(<Harness initial="Hi {{firstName}}, this is {{ agentName }} from {{businessName}}." />);
    expect(preview()).toBe("Hi Jordan, this is Sam from Acme Roofing.");
    expect(segments()).toBe("1 segment · 41/160 chars");
  });

  it("counts multi-part and UCS-2 messages the way carriers bill them", async () => {
    const user = userEvent.setup();
    render(<Harness initial={"x".repeat(161)} />);
    expect(segments()).toBe("2 segments · 161 chars");

    const box = screen.getByLabelText("First message");
    await user.clear(box);
    await user.click(box);
    await user.paste("Great news 🎉");
    expect(segments()).toBe("1 segment · 13/70 UCS-2 chars");
    expect(screen.getByText(/“🎉” is not in the GSM-7 alphabet/)).toBeTruthy();
  });

  it("inserts a merge field at the cursor", async () => {
    const user = userEvent.setup();
    render(<Harness initial="Hi !" />);
    const box = screen.getByLabelText("First message") as HTMLTextAreaElement;
    box.focus();
    box.setSelectionRange(3, 3);
    await user.click(screen.getByRole("button", { name: "Insert First name into First message" }));
    expect(box.value).toBe("Hi {{firstName}}!");
    expect(preview()).toBe("Hi Jordan!");
  });
});
