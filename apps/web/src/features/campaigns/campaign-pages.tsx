import { useParams } from "@tanstack/react-router";
import { PageHeader } from "../shell/app-shell";
import { CampaignDetail } from "./campaign-detail";
import { CampaignWizardPage } from "./campaign-wizard-page";
import { CampaignsPanel } from "./campaigns-panel";

/**
 * The campaign pages, loaded on demand by their routes (routes/campaign*.tsx) so the wizard and the
 * detail page stay out of the first download.
 */
export function CampaignsPage() {
  return (
    <>
      <PageHeader title="Campaigns" description="SMS campaigns your AI agent runs, following a playbook." />
      <CampaignsPanel />
    </>
  );
}

export function CampaignNewPage() {
  return <CampaignWizardPage />;
}

export function CampaignEditPage() {
  const { campaignId = "" } = useParams({ strict: false });
  return <CampaignWizardPage key={campaignId} campaignId={campaignId} />;
}

export function CampaignDetailPage() {
  const { campaignId = "" } = useParams({ strict: false });
  return <CampaignDetail key={campaignId} campaignId={campaignId} />;
}
