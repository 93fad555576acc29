import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { selectResource } from './helpers.ts';

const seed = JSON.parse(readFileSync('static/samples/seed.json', 'utf8'));
const vpcA = seed.Vpcs[0];

/** Replaces the editor's text by pasting (typing would trigger Monaco's auto-closing of brackets). */
async function replaceText(page: Page, text: string) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

/** The whole text of the editor (copied: a long resource is not all drawn in .view-lines). */
async function editorText(page: Page): Promise<string> {
  await page.locator('.monaco-editor').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+C');
  return page.evaluate(() => navigator.clipboard.readText());
}

test('flow log dialog: a LogFormat with an unknown field is refused as CreateFlowLogs refuses it, and nothing is created', async ({ page }) => {
  await page.goto('./');
  await selectResource(page, /vpc-a/);
  await page.getByRole('button', { name: 'Create Flow log' }).click();
  const d = page.getByRole('dialog', { name: 'Create flow log' });
  await d.getByLabel('Destination').selectOption('s3');
  await d.getByLabel(/Log record format/).fill('${foo} ${version}');
  await d.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(d.getByRole('alert')).toContainText("at 'logFormat' has an invalid format");
  await expect(d.getByRole('alert')).toContainText('"${foo}" at character 1 is not a flow log field');
  await expect(d).toBeVisible();
  await d.getByLabel(/Log record format/).fill('${version} ${srcaddr} ${dstaddr} ${action}');
  await d.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(d).toBeHidden();
});

test('editor: removing a secondary CIDR block from a VPC takes its local route with it, in one undo step; AWS refusals stay unapplied', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./');
  const rtbId = seed.RouteTables.find((t: { VpcId: string }) => t.VpcId === vpcA.VpcId).RouteTableId;
  const withSecondary = { ...vpcA, CidrBlockAssociationSet: [...vpcA.CidrBlockAssociationSet, { AssociationId: 'vpc-cidr-assoc-0e2e0000000000001', CidrBlock: '10.50.0.0/16', CidrBlockState: { State: 'associated' } }] };
  const sim = page.getByTestId('sim-state');
  /** Waits until the editor has put the VPC's text in force (its notice), and dismisses the notice. */
  const applied = async () => {
    await expect(page.getByTestId('notice')).toContainText(`Edited ${vpcA.VpcId} in the editor`, { timeout: 10_000 });
    await page.getByRole('button', { name: 'Dismiss message' }).click();
    await expect(sim).toHaveText('Simulation: current document');
  };
  const openRouteTable = async () => {
    await selectResource(page, /public-a/);
    await page.getByRole('button', { name: rtbId, exact: true }).click();
    await expect(page.locator('.view-lines')).toContainText('"RouteTableId"', { timeout: 20_000 });
  };

  // Associating a block adds its local route to the VPC's route table.
  await selectResource(page, /vpc-a/);
  await expect(page.locator('.view-lines')).toContainText('"VpcId"', { timeout: 20_000 });
  await replaceText(page, JSON.stringify({ Vpcs: [withSecondary] }, null, 2));
  await applied();
  await openRouteTable();
  await expect.poll(() => editorText(page)).toContain('"DestinationCidrBlock": "10.50.0.0/16"');

  // Deleting the entry disassociates the block: its local route leaves the table.
  await selectResource(page, /vpc-a/);
  await expect(page.locator('.view-lines')).toContainText('10.50.0.0/16', { timeout: 10_000 });
  await replaceText(page, JSON.stringify({ Vpcs: [vpcA] }, null, 2));
  await applied();
  await openRouteTable();
  await expect.poll(() => editorText(page)).not.toContain('10.50.0.0/16');
  await expect.poll(() => editorText(page)).toContain('"RouteTableId"');
  // One undo step brings the block and its route back together.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(() => editorText(page), { timeout: 10_000 }).toContain('"DestinationCidrBlock": "10.50.0.0/16"');

  // The primary block cannot be disassociated: refused with AWS's error, not applied.
  await selectResource(page, /vpc-a/);
  await replaceText(page, JSON.stringify({ Vpcs: [{ ...withSecondary, CidrBlock: '10.50.0.0/16', CidrBlockAssociationSet: withSecondary.CidrBlockAssociationSet.slice(1) }] }, null, 2));
  await expect(sim).toContainText('OperationNotPermitted', { timeout: 10_000 });
  await page.screenshot({ path: '/tmp/vpc-lab-editor-primary-cidr.png' });
});
