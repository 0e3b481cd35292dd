import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { LoginForm } from "./login-form";

describe("LoginForm", () => {
  it("rejects a malformed email without calling the server", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<LoginForm onSubmit={onSubmit} />);

    await user.type(screen.getByLabelText("Email"), "not-an-email");
    await user.type(screen.getByLabelText("Password"), "secret-password");
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText("Enter a valid email address")).toBeTruthy();
    const email = screen.getByLabelText("Email");
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(email);
  });

  it("submits the normalised email (trimmed, lower-cased) and the password as typed", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<LoginForm onSubmit={onSubmit} />);

    await user.type(screen.getByLabelText("Email"), "  Manager@Demo.Plaibook.TEST ");
    await user.type(screen.getByLabelText("Password"), " plaibook-demo");
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith({
      email: "manager@demo.plaibook.test",
      password: " plaibook-demo",
    });
  });

  it("requires a password and clears the error once the user types", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<LoginForm onSubmit={onSubmit} />);

    await user.type(screen.getByLabelText("Email"), "a@b.test");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(screen.getByText("Password is required")).toBeTruthy();

    await user.type(screen.getByLabelText("Password"), "x");
    expect(screen.queryByText("Password is required")).toBeNull();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("shows the server's message as an alert and disables the button while pending", () => {
    const { rerender } = render(<LoginForm onSubmit={vi.fn()} error="Invalid email or password." />);
    expect(screen.getByRole("alert").textContent).toBe("Invalid email or password.");

    rerender(<LoginForm onSubmit={vi.fn()} pending />);
    expect(screen.queryByRole("alert")).toBeNull();
    expect((screen.getByRole("button", { name: "Sign in" }) as HTMLButtonElement).disabled).toBe(true);
  });
});
