import { HomeIntro } from '@/components/home/HomeIntro';

export default function HomePage() {
  return <HomeIntro />;
}
